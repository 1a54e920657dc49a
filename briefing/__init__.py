"""Turn HMICFRS police inspection reports into briefing packs.

The pipeline is ingest -> Inspection -> compare -> Briefing -> writers -> mail;
each stage is a subpackage or module of the same name.
"""

__version__ = "0.1.0"
