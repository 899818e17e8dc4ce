"""PAZOS Coordinación: the Qt-free core (domain, database, services, importers, reports, CLI)."""

__version__ = "0.1.0"
APP_NAME = "PAZOS Coordinación"
APP_ID = "pazos-coordinacion"
