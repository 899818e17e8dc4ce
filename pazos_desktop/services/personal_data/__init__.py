"""Personal data under Ley 1581 de 2012 and Decreto 1377 de 2013.

`policies` (versions of the data-processing policy and the list of purposes), `authorisations`
(each contact's authorisation and its state), `requests` (holders' rights requests and their
legal due dates), `suppression` (plan and apply replacing one person's data everywhere; the
document layer's `documents/suppression.py` adds redrawing approved actas), `purge` (nothing
left in the file afterwards), `scrub` (finding a person in free text), `export` (one person's
data gathered; `documents/person_export.py` writes it), `attendance` (what the attendance sheet
prints about it). The fields of each record are declared once, in
`pazos_desktop/domain/records/personal_data.py`.
"""
