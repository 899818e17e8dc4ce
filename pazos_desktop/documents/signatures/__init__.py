"""Approved actas signed with the signers' digital certificates (PAdES, with pyHanko), and
any signed PDF verified.

`credentials.py` opens a PKCS#12 file (.p12/.pfx) and says what is wrong with it;
`trust.py` keeps the roots and revocation lists the office imported (database settings);
`sign.py` signs the stored acta (an incremental update, a visible stamp in the signer's
block); `verify.py` checks every signature of a file; `attach.py` adds the signatures of a
file signed in another program. The stored versions: `services/meetings/signatures.py`.
"""

import warnings

# pyHanko imports cryptography's DSA module, which warns on import in recent versions; the
# warning says nothing to a user of the command line.
warnings.filterwarnings("ignore", message="DSA is deprecated", module="pyhanko")
