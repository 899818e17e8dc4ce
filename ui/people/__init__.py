"""People on a shared server: signing in, what the window lets each role do, and the
administrator's page of people and roles."""
