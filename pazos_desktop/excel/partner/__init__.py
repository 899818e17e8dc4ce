"""A partner's commitment sheet: written (`sheets`), sent with an e-mail draft (`mail`), read
back when returned (`returned`: the preview) and applied (`apply`)."""
