"""A bulleted list of findings ends where the report's own sentences follow its last bullet
(review 8, item 16: Dyfed-Powys 2018/19's last area for improvement ran on into "Dyfed-Powys
Police requires improvement in preventing crime and anti-social behaviour. It is still
working on its future strategy", and the public s.55 skeleton would have quoted them as
HMICFRS's words). Wrapped parts of a bullet, in lower case or lettered, still join it."""

from __future__ import annotations

from reading import read

LIST = ("Kent Police PEEL 2018/19\n\nHow effective is the force at preventing crime, tackling anti-social behaviour and "
        "keeping people safe?\n\nRequires improvement\n\nAreas for improvement\n\n"
        "  \u2022 The force should ensure it has a clear strategy for neighbourhood policing.\n"
        "  \u2022 The force should evaluate and share effective practice routinely, both internally and with other "
        "organisations, to improve its prevention of crime.\n\n{after}\n")


def _texts(tmp_path, after: str) -> list[str]:
    return [f.text for f in read(tmp_path, LIST.format(after=after)).inspection.findings]


def test_the_reports_sentences_after_the_last_bullet_are_not_part_of_it(tmp_path):
    after = ("Kent Police requires improvement in preventing crime and anti-social behaviour.\n\n"
             "It is still working on its future strategy.")
    assert _texts(tmp_path, after)[-1] == ("The force should evaluate and share effective practice routinely, both "
                                           "internally and with other organisations, to improve its prevention of crime.")


def test_a_bullets_wrapped_limb_in_lower_case_still_joins_it(tmp_path):
    texts = _texts(tmp_path, "and to reduce anti-social behaviour.")
    assert texts[-1].endswith("to improve its prevention of crime. and to reduce anti-social behaviour.")
