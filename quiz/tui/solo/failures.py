"""What a progress store raises when it fails: the database, its own checks, the disk.

A failure while saving an answer stops the game (what was saved is kept); a
failure while reading (due counts, stats) is reported and the game goes on.
"""

import sqlite3

from quiz.store.progress import StoreError

STORE_ERRORS = (sqlite3.Error, StoreError, OSError)
