"""The main job as one library call: load, compare, history, document, write.

`make_pack` is what `briefing pack` runs and what tests call; the CLI only parses
options. Every requested format is rendered, then all are renamed into place at once:
a failure in any writer leaves no partial file and the previous pack untouched.

On a machine with two or more cores each format renders in a forked process of its own
(briefing.writer_pool), started first so it imports its library while the comparison runs.

The package holds the pack's steps (steps.py), the force's record and register as read
from its files (record.py), what a document rests on (loading.py) and the writing of the
files (writing.py); what the command line, the web page and the tests use is named here.
"""

from briefing.pack.loading import Loaded, load_comparison, response_subject
from briefing.pack.record import Registered, bundled_files, bundled_record, load_register, named_files, peel_record
from briefing.pack.steps import PackRequest, PackResult, build, load, load_tracker, make_pack
from briefing.pack.writing import commit, pack_stem, render, write_pack

__all__ = ["Loaded", "PackRequest", "PackResult", "Registered", "build", "bundled_files", "bundled_record",
           "commit", "load", "load_comparison", "load_register", "load_tracker", "make_pack", "named_files",
           "pack_stem", "peel_record", "render", "response_subject", "write_pack"]
