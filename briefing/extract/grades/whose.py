"""Whose words state a grade, where not the source's own: a chief constable quoted in a news
article ("... in which we were graded 'outstanding' for the work we do to protect vulnerable
people," the chief constable's words) states a grade the inspectorate gave, but a pack says
whose words they are (review 6, item 18: Cheshire's page 1 gave it as the article's own).

Rules of English: a paragraph that opens with a quotation mark carries on the quotation of
the paragraph before; a quotation is attributed by "<role> <Name> said" in its paragraph or
the one before it, or by "he said"/"she said" to the person named last. The inspectorate's
own people (HM Inspectors) are the inspectorate, not someone else.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.extract.needs import holds

# who, by role and name: "Chief Constable Mark Roberts", "Police and Crime Commissioner Donna Jones", "PCC Jo Smith"
ROLE = (r"(?:(?:Deputy|Assistant|Temporary)\s+)?Chief\s+Constable|Police(?:,\s+Fire)?(?:\s+and\s+Fire)?\s+and\s+Crime\s+"
        r"Commissioner|PCC|PFCC|Commissioner|Mayor|Deputy\s+Mayor|Chief\s+Superintendent|Superintendent")
NAMED = re.compile(rf"\b(?P<role>{ROLE})\s+(?P<name>[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){{0,2}})\s+"
                   r"(?:said|says|added|commented|told|stated)\b")
PRONOUN_SAID = re.compile(r"[,\u201d\"]\s*(?:he|she|they)\s+(?:said|says|added)\b", re.IGNORECASE)
OPENS_QUOTE = re.compile(r"^\W{0,3}[\u201c\"]")
# the verbs without one of which NAMED (case-sensitive) and PRONOUN_SAID (any case) cannot match
NAMED_VERBS = ("said", "says", "added", "commented", "told", "stated")
PRONOUN_VERBS = ("said", "says", "added")


def speakers(ctx) -> dict[int, str]:
    """For each paragraph index whose words are a quotation of someone the text names by role,
    who: "Chief Constable Mark Roberts"."""
    out, last, quoting = {}, "", ""
    naming = ctx.holding(NAMED_VERBS)  # found once through the whole text; PRONOUN_VERBS are among them
    saying = {n for n in naming if holds(ctx.paras[n].text, PRONOUN_VERBS)}
    first = next((n for n in sorted(naming) if NAMED.search(ctx.paras[n].text)), None)
    for para in ctx.paras[first:] if first is not None else ():  # no quotation is anyone's before someone is named
        named = NAMED.search(para.text) if para.index in naming else None
        if named:
            last = f"{named.group('role')} {named.group('name')}"
        if named and ("\u201c" in para.text or '"' in para.text):
            quoting = last
        elif last and para.index in saying and PRONOUN_SAID.search(para.text):
            quoting = last
        elif not OPENS_QUOTE.match(para.text):
            quoting = ""
        if quoting and ("\u201c" in para.text or '"' in para.text or OPENS_QUOTE.match(para.text)):
            out[para.index] = quoting
    return out


def spoken_by(ctx, judgements: list) -> list:
    """Each judgement whose grade sits in a quotation of someone named by role, with who (`by`)."""
    if not judgements:
        return judgements
    who = speakers(ctx)
    if not who:
        return judgements
    by_line = {line.place: who[para.index] for para in ctx.paras if para.index in who for line in para.lines}
    return [replace(j, by=by_line[j.place]) if j.place in by_line and not j.by else j for j in judgements]
