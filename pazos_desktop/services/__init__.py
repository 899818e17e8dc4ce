"""The core's services: each takes a Session and returns plain dataclasses, never ORM objects."""
