"""Personal data under Ley 1581 de 2012 and Decreto 1377 de 2013.

`policies` (versions of the data-processing policy and the list of purposes), `authorisations`
(each contact's authorisation and its state), `requests` (holders' rights requests and their
legal due dates), `suppression` (replace one person's data everywhere), `export` (one person's
data as JSON or PDF), `attendance` (what the attendance sheet prints about it). The rules of
each record are declared once, in `fields.py` and at the top of each module.
"""
