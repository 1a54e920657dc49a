"""Findings stated in running text: the inspectorate's own concerns ("X is a cause of
concern", "HMIC has serious concerns about ..."), reported findings in news copy ("The
report noted that ..."), and a report's words quoted in a sentence ("... stating that it
'should put in place better processes ...'").

Quoted commentary ("... is a serious cause of concern," he said) is somebody's view, not
a labelled finding: a cause of concern is taken only from a sentence outside quotes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.extract.areas import stems
from briefing.extract.findings.base import sentence_place
from briefing.extract.text import sentences

CONCERN = re.compile(r"\b(has|have) (serious )?concerns? about\b", re.IGNORECASE)
# the inspector's "I am particularly concerned about how the force investigates crime": only in the
# inspector's own words (a PCC's "I am concerned that many of the recommendations ..." is the PCC's view)
CONCERNED = re.compile(r"\bI\s+am\s+(?:particularly\s+|very\s+|deeply\s+|also\s+|especially\s+|seriously\s+)?"
                       r"concerned\s+(?:about|that|by)\b", re.IGNORECASE)
IS_A_CAUSE = re.compile(r"^(?P<text>(?!(?:although|while|whilst|if|when|as|but|however)\b)[A-Z](?:(?!,\s*(?:which|that)\b)"
                        r"[^\"\u201c\u201d;]){10,200}?\b(?:is|are|remains?)\s+(?:an?\s+)?(?:(?:accelerated|serious|significant|"
                        r"major|real|continuing)\s+)?causes?\s+(?:of|for)\s+concern\b[^\"\u201c\u201d]*)$", re.IGNORECASE)
# "The report found that X is a cause of concern", "Although ..., HMIC found that X is ...": X is the finding
FOUND_THAT = re.compile(r"^(?:[^\"\u201c\u201d]*?,\s+)?(?:the\s+report|the\s+inspection|the\s+inspectorate|inspectors|hmicfrs|hmic|"
                        r"we)\s+(?:has\s+|have\s+)?(?:found|concluded|noted|judged|considers?|considered)\s+that\s+",
                        re.IGNORECASE)
REPORTED = re.compile(r"^the report (noted|found|said) that\s+", re.IGNORECASE)
# what a report is said to have found is a finding only where it says what falls short: what the force
# "needs to", "should" or "must" do, what it is not or does not do, lacks or fails to do, or a concern; what the
# force "has" that the report praises ("The report found that the force 'has impressive joint working practices
# ...'") is a strength, never a finding to resolve
SHORTFALL = re.compile(r"\b(?:needs?\s+to|needed\s+to|must|should|not(?!\s+only\b)|\w+n['\u2019]t|never|lacks?|lacking|"
                       r"fail(?:s|ed|ing)?\s+to|concerns?|concerned|could\s+(?:do\s+more|improve|be\s+improved|be\s+better)|"
                       r"unacceptable|inadequate|insufficient|ineffective|poor|weak(?:ness|nesses)?)\b", re.IGNORECASE)
# the inspectorate's finding in a relative clause, what the force must do: "The inspection report, which found the
# Gwent force must improve how it investigates crime and protects the vulnerable, noted ..."; the clause, to its
# closing comma, is the finding
FOUND_WHICH = re.compile(
    r"\b(?:the\s+(?:inspection\s+|inspectorate['\u2019]s\s+)?report|the\s+inspection|the\s+inspectorate|inspectors|hmicfrs|hmic)"
    r",\s+which\s+(?:also\s+)?(?:found|said|concluded)\s+(?:that\s+)?(?P<text>(?:the\s+force|the\s+constabulary|it|"
    r"(?:the\s+)?[A-Z][\w&'\u2019]*(?:\s+[A-Z][\w&'\u2019]*){0,3}\s+(?:force|police|constabulary))\s+(?:still\s+|also\s+)?"
    r"(?:needs?\s+to|needed\s+to|must|should)\s+(?:also\s+|still\s+)?(?:improve|get\s+better|do\s+more|make\s+sure|ensure|"
    r"address)\b[^,;\"\u201c\u201d]*)", re.IGNORECASE)
# a press release reporting what the inspectorate found wanting: "However, the inspectorate said the
# constabulary needs to improve its response to the public", "Inspectors said they had concerns that
# the standards of the force's investigations have deteriorated", "They also raised concerns that the force isn't
# effectively managing registered sexual offenders", "HMICFRS found that the force
# doesn't always respond to calls ..."; "For example, inspectors said the force needs to reduce the number of
# ... 101 calls that are abandoned", an example of what it says is wanting; the whole sentence is the finding,
# as the release words it
LEAD = r"(?:(?:however|but|and|also|in\s+addition|in\s+particular|for\s+(?:example|instance)),?\s+)"
REPORTED_WANTING = re.compile(
    rf"^{LEAD}?(?:the\s+)?(?:inspectors?|inspectorate|hmicfrs|hmic|they)\s+(?:also\s+)?"
    r"(?:(?:raised|expressed)\s+(?:some\s+|serious\s+)?concerns?\s+(?:that|about)\b|"
    r"(?:said|found|noted|highlighted)\s+(?:that\s+)?(?:they\s+(?:had|have)\s+(?:some\s+|serious\s+)?concerns?\s+"
    r"(?:that|about)\b|(?:the\s+force|the\s+constabulary|it|[A-Z][\w&'\u2019 ]{2,40}?\s+(?:police|constabulary))\s+"
    r"(?:still\s+|also\s+)?(?:needs?\s+to|needed\s+to|must|should|isn['\u2019]t|is\s+not|doesn['\u2019]t|does\s+not|"
    r"hasn['\u2019]t|has\s+not|lacks|could\s+do\s+more|wasn['\u2019]t|was\s+not)\b))", re.IGNORECASE)
# in the inspector's own quoted words: "The Met must get better at how it responds to the public",
# "although the force has improved its recording of crime, it still needs to improve its reporting of ..."
SPOKEN_WANTING = re.compile(
    r"^(?:[^,\"\u201c]{0,120},\s+){0,2}(?:the\s+force|the\s+constabulary|it|the\s+met|[A-Z][\w&'\u2019]*(?:\s+[A-Z][\w&'\u2019]*){0,3}"
    r"\s+(?:police|constabulary)|the\s+(?:force|constabulary)['\u2019]s\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:still\s+|also\s+)?(?:needs?\s+to|needed\s+to|must|should)\s+(?:also\s+|still\s+)?"
    r"(?:improve|get\s+better|do\s+more|make\s+sure|ensure|address|develop|review|understand|better)\b", re.IGNORECASE)
# what the force must do after a concession in the same sentence, its subject said once: "Cleveland Police has made
# progress in all areas since its previous inspection, but must improve how it investigates crime and protects
# vulnerable people"; the whole sentence is the finding, as the source words it
BUT_MUST = re.compile(
    r"^(?:the\s+force|the\s+constabulary|it|[A-Z][\w&'\u2019]*(?:\s+(?:and\s+)?[A-Z][\w&'\u2019]*){0,4}\s+(?:police|constabulary))"
    r"\s+\w+[^,;\"\u201c]{3,160},\s+but\s+(?:still\s+|also\s+)?(?:needs?\s+to|must|should)\s+(?:also\s+|still\s+)?"
    r"(?:improve|get\s+better|do\s+more|make\s+sure|ensure|address)\b", re.IGNORECASE)
# the inspectorate's words with who said them after: "But the force needs to improve response times to
# incidents, the HMICFRS said" (a chief constable's "..., the chief constable said" is no finding)
SAID_AFTER = re.compile(r"^(?P<text>.{20,400}?),\s+(?:the\s+)?(?:police\s+)?(?:hmicfrs|hmic|inspectorate|inspectors?|report)\s+"
                        r"(?:has\s+|have\s+)?(?:also\s+)?(?:said|found|concluded)\W*$", re.IGNORECASE)
# "the reports also identified some areas where improvements need to be made, especially around
# efficiency, project management, IT ...": what it names is the finding; with nothing named, it is none
AREAS_NEEDING = re.compile(
    r"^(?:the\s+reports?|the\s+inspection|inspectors|the\s+inspectorate|hmicfrs|hmic)\s+(?:also\s+)?"
    r"(?:identified|found|highlighted|noted|raised)\s+(?:some\s+|several\s+|a\s+few\s+|a\s+number\s+of\s+)?(?:key\s+)?"
    r"areas\s+(?:where|in\s+which)\s+(?:improvements?\s+(?:needs?|needed)\s+to\s+be\s+made|(?:the\s+force|it)\s+"
    r"(?:needs?|needed)\s+to\s+improve),?\s+(?:especially|particularly|in\s+particular|notably|including)\s+\w", re.IGNORECASE)
# the inspectorate's own account of what falls short, on its own page or in the inspector's words:
# "it does not have effective processes for monitoring offenders", "the quality of handovers could
# improve and supervision is not always effective" (its main clause, after "While ..., "), "call
# handling remains a significant issue for the force", "concerns remain in how it is investigating crime",
# "Officers are also not always wearing body-worn video when attending incidents" (the force's people not always
# doing what they should; "Victims are not always willing to ..." is no shortfall of the force's), "despite being
# raised in its previous inspection, the force still isn't attending incidents as quickly as it should" (still not),
# "The force is missing opportunities to protect vulnerable and repeat victims" (not "to safeguard them", whose
# victims a sentence before names), "We found a lack of clarity regarding responsibility within the constabulary's
# governance and there is inconsistency across the constabulary" (what it found lacking or inconsistent; not "no
# lack of"), "The force is not supervising
# investigations well enough" (not doing a task well enough), "Some domestic abuse victims have received an
# unacceptable level of service" (the service the force gives)
FALLS_SHORT = re.compile(
    r"\b(?:(?:does\s+not|doesn['\u2019]t)\s+(?:yet\s+|always\s+)?have\s+(?:an?\s+)?(?:effective|adequate|sufficient|robust|"
    r"suitable|clear)|could\s+(?:be\s+)?improved?|(?:is|are)\s+not\s+always\s+(?:effective|good\s+enough|consistent|timely|"
    r"thorough|appropriate|adequate)|remains?\s+(?:an?\s+)?(?:significant\s+|serious\s+|major\s+|key\s+|real\s+)?"
    r"(?:issue|concern|problem|weakness)|concerns?\s+remains?\s+(?:in|about|over|around|with)\s+\w|"
    r"^(?:the\s+force['\u2019]s\s+)?(?:officers|staff|supervisors|call\s+handlers|investigators|the\s+force|the\s+constabulary)"
    r"\s+(?:is|are)\s+(?:also\s+)?not\s+always\s+\w+ing|"
    r"^(?:the\s+force|the\s+constabulary|it)\s+still\s+(?:isn['\u2019]t|is\s+not|doesn['\u2019]t|does\s+not|hasn['\u2019]t|"
    r"has\s+not)\s+\w+|"
    r"^(?:the\s+force|the\s+constabulary|it|[A-Z][\w&'\u2019]*(?:\s+[A-Z][\w&'\u2019]*){0,3}\s+(?:police|constabulary))\s+"
    r"(?:is|are)\s+(?:also\s+|still\s+)?(?:missing\s+(?:\w+\s+)?opportunit\w+(?!\s+to\s+\w+\s+(?:them|it|this|these|those)\b)|(?:not|isn['\u2019]t)\s+\w+ing\b[^,.;]{0,80}?"
    r"\b(?:well|quickly|thoroughly|effectively|consistently|often|fast)\s+enough)|"
    r"\b(?:received?|receiving|gets?|got|getting)\s+an?\s+unacceptable\s+(?:level|standard|quality)\s+of\s+service|"
    r"\b(?:found|there\s+(?:is|was|are|were))\s+(?:an?\s+|some\s+)?(?:(?!no\b|little\b|not\b)\w+\s+)?(?:lack\s+of|"
    r"inconsisten(?:cy|cies))\s+\w+|"
    # not always doing a task: "At present, it doesn't always properly support victims" (review 13, item 15)
    r"^(?:(?:at\s+present|currently|too\s+often),?\s+)?(?:the\s+force|the\s+constabulary|the\s+met|it|[A-Z][\w&'\u2019]*"
    r"(?:\s+[A-Z][\w&'\u2019]*){0,3}\s+(?:police|constabulary))\s+(?:doesn['\u2019]t|does\s+not)\s+always\s+"
    r"(?:properly\s+|effectively\s+|fully\s+|correctly\s+)?(?!have\b)[a-z]+|"
    # a task not done as it should be: "it isn't correctly documenting the decisions of victims" (review 13, item 12)
    r"^(?:the\s+force|the\s+constabulary|the\s+met|it|[A-Z][\w&'\u2019]*(?:\s+[A-Z][\w&'\u2019]*){0,3}\s+(?:police|"
    r"constabulary))\s+(?:isn['\u2019]t|is\s+not|aren['\u2019]t|are\s+not)\s+(?:correctly|properly|accurately|"
    r"routinely)\s+\w+ing)\b",
    re.IGNORECASE)
# what the inspectorate says remains wrong, after a concession: "X has made progress in some areas, but
# concerns remain in how it is investigating crime and protecting the vulnerable"; or calls ongoing:
# "There are ongoing concerns about how the force investigates crime ..., the police inspectorate has said"
REMAINS = re.compile(r"(?:^|,\s+but\s+|;\s+)(?P<text>(?:(?:some\s+|serious\s+)?concerns?\s+remains?|"
                     r"(?:there\s+(?:are|is|remain)\s+)?(?:ongoing|continuing|persistent|continued)\s+concerns?)"
                     r"\s+(?:in|about|over|around|with)\s+\w.*)$", re.IGNORECASE)
CONCESSIVE = re.compile(r"^(?:while|whilst|although|though|despite)\b[^,]{3,200},\s+", re.IGNORECASE)
VAGUE_SUBJECT = re.compile(r"^(?:it|this|that|there|they)\s+could\b", re.IGNORECASE)
# what is to improve: "improve the way it investigates crime", "improve its overall efficiency in ...", "improve the
# speed with which it answers and responds to emergency calls" (how fast it does the task it names)
IMPROVE_WHAT = re.compile(r"\bimprove\s+(?P<what>(?:(?:how|the\s+way|the\s+(?:speed|pace|time|timeliness)\s+(?:with|at|in)\s+which)"
                          r"\s+(?:it|the\s+force|the\s+constabulary)\s+|its\s+|"
                          r"the\s+force['\u2019]s\s+)[^,;.]+?)(?=\s+and\s+(?:needs?|must|should|how)\b|[,;.]|$)", re.IGNORECASE)
# what it is to get better at, a task in -ing: "the force still needs to get better at investigating reported crimes"
BETTER_AT = re.compile(r"\b(?:get|do|be)\s+better\s+at\s+(?P<what>\w+ing\b[^,;.]*?)(?=\s+and\s+(?:needs?|must|should)\b|[,;.]|$)",
                       re.IGNORECASE)
# what it does, named after "how" (or "how well") and the force ("concerns about how the Metropolitan Police
# investigates crime and manages offenders", "how well West Midlands Police investigates crime"): the first task
# named is the finding's area
HOW_IT = re.compile(r"\b(?:how(?:\s+well)?|the\s+way)\s+(?:it|the\s+force|the\s+constabulary|"
                    r"(?:the\s+)?[A-Z][\w&'\u2019-]*(?:\s+[A-Z][\w&'\u2019-]*){0,3})\s+(?:is\s+)?(?:currently\s+)?"
                    r"(?P<what>\w+(?:es|s|ing)\s+[^,;.]+?)"
                    r"(?=\s+and\s|[,;.]|$)")
# a task named by its noun and its object ("investigations into reported crimes", "the supervision of its
# investigations", "management of offenders"): the noun of the verb the area's name uses
TASK_NOUN = re.compile(r"\b(?P<what>\w+(?:ions?|ments?)\s+(?:into|of)\s+(?:its\s+|the\s+|their\s+)?[\w-]+"
                       r"(?:\s+(?!and\b|or\b)[\w-]+)?)", re.IGNORECASE)
# what the force is to do, by its verb's object: "needs to reduce the number of non-emergency 101 calls that are
# abandoned" (the calls; a quantity of them, or what is said of them after "that", names nothing); "improve",
# "make sure", "ensure" and the like are read by the patterns above, or name nothing of their own
TO_DO = re.compile(r"\b(?:needs?\s+to|must|should)\s+(?:also\s+|still\s+)?(?!improve\b|get\b|do\b|be\b|make\b|"
                   r"ensure\b|have\b|take\b|continue\b|consider\b|also\b|still\b)[a-z]+\s+"
                   r"(?:the\s+(?:number|proportion|amount|level|rate)\s+of\s+)?(?P<what>[^,;.]+?)"
                   r"(?=\s+(?:that|which|who|to|by|when|for|and|so|in|because)\b|[,;.]|$)", re.IGNORECASE)
# "is missing opportunities to identify and safeguard vulnerable people": the task it misses
MISSES = re.compile(r"\bmissing\s+(?:\w+\s+)?opportunit\w+\s+to\s+(?P<what>[^,;.]+?)"
                    r"(?=\s+and\s+(?:needs?|must|should|is|has|it)\b|[,;.]|$)", re.IGNORECASE)
# a topic after a noun ("needs to improve how it provides advice about preventing crime"), a clause of time ("when
# taking calls from the public") or of purpose ("assesses initial calls so that vulnerable people ... are identified"):
# what the task is about, when it is done or what it is for, never the task; no area is read in it. A concern's
# topic is the concern itself ("concerns about investigating crime")
TOPIC = re.compile(r"\b(?P<head>\w+)\s+(?:about|regarding)\s+\w+ing\b[^,;.]*|\b(?:when|while|whilst)\s+\w+ing\b[^,;.]*"
                   r"|\bso\s+that\b[^,;.]*", re.IGNORECASE)
# the work in which a service falls short: "provide a consistently good service in child protection investigations"
# (the work its head noun names: investigations)
SERVICE_IN = re.compile(r"\bservice\s+in\s+(?P<what>[\w-]+(?:\s+[\w-]+){0,3}?)(?=\s+(?:and|or|to|for|by|when|so|that)\b|[,;.]|$)",
                        re.IGNORECASE)
TASKS = (IMPROVE_WHAT, BETTER_AT, HOW_IT, MISSES, TASK_NOUN, SERVICE_IN, TO_DO)
# no more to do than improve ("The force needs to improve:" above a list, "it needs to improve in some areas"),
# or praise ("Northshire Police should be applauded for ...")
EMPTY_WANT = re.compile(r"\b(?:needs?|needed|must|should)\s+(?:to\s+)?(?:also\s+)?(?:improve|do\s+better)\s*(?::|\W*$|(?:in|on)\s+"
                        r"(?:some|several|a\s+(?:few|number\s+of)|certain|other)\s+(?:areas|respects|ways)\W*$|further\W*$)"
                        r"|\bshould\s+be\s+(?:applauded|congratulated|praised|commended|proud)\b", re.IGNORECASE)
# an apostrophe between letters ("the force's ability") is no closing quotation mark (review 14, item 11: Suffolk's
# recommendation was cut at "how this affects the force")
QUOTED_SHOULD = re.compile(r"[\'\"\u2018\u201c](?P<q>(?:the (?:force|constabulary) |it )?(?:should|needs to|must) "
                           r"(?:[^\'\"\u2019\u201d]|(?<=\w)[\'\u2019](?=\w)){15,400})[\'\"\u2019\u201d](?!\w)",
                           re.IGNORECASE)
REPORTING = re.compile(r"\b(?:inspectors?|inspectorate|hmicfrs|hmic)\s+(?:also\s+)?(?:said|found|noted|highlighted)\b")
INSPECTORS = re.compile(r"\b(?:inspectors?|inspectorate|hmicfrs|hmic)\b")
ATTRIBUTION = re.compile(r"^[^\"\u201c]{0,160}?\b(?:said|says|added|commented|wrote|stated)"
                         r"(?:\s+in\s+(?:his|her|their|the)\s+report)?\s*[:,]?\s*[\"\u201c]", re.IGNORECASE)
# the inspector named in the paragraph before, then "He said:" (review 15, item 3: West Mercia's calls concern)
INSPECTOR_NAMED = re.compile(r"\b(?:hm|his\s+majesty's|her\s+majesty's)\s+(?:chief\s+)?inspector\b", re.IGNORECASE)
HE_SAID = re.compile(r"^(?:he|she)\s+(?:also\s+)?(?:said|added)\s*:?\s*[\"\u201c]\s*", re.IGNORECASE)
# ("Roy Wilshire, H M Inspector of Constabulary, stated in his report, "I have concerns ...")
INSPECTOR_INTRO = re.compile(r"\b(?:hm|his\s+majesty's|her\s+majesty's)\s+(?:chief\s+)?inspector\b[^\"\u201c.]{0,80}?"
                             r"\b(?:said|says|added|commented|wrote)\s*:?\s*$", re.IGNORECASE)
SAID = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|added|told)\b", re.IGNORECASE)
# the inspector quoted: the inspectorate's own words ("HM Inspector of Constabulary Zoe Billingham said: "...)
INSPECTOR_SAYS = re.compile(r"\b(?:hm|his\s+majesty's|her\s+majesty's)\s+(?:chief\s+)?inspector\b[^\"\u201c.]{0,80}?"
                            r"\b(?:said|says|added|commented|wrote)\s*:?\s*[\"\u201c]", re.IGNORECASE)


# "Although I have concerns about corporate processes, I am pleased that the force has accepted
# our findings": the concern is conceded, the sentence praises; it is no finding
CONCEDED = re.compile(r"^(?:although|though|while|whilst|despite)\b[^,]{0,200},\s*(?:I|we)\s+(?:am|are|was|were)\s+"
                      r"(?:\w+\s+)?(?:pleased|encouraged|reassured|impressed|satisfied|delighted)\b", re.IGNORECASE)


def concerns(fx):
    """Concerns stated in prose and reported findings (news copy)."""
    speaking = False  # within the inspector's quoted words, which run on over paragraphs opening with a quote
    introduced = False  # the paragraph before ended "His Majesty's Inspector ... said:"
    own = fx.ctx.page.inspectorates_own
    # a summary page of the inspectorate's own, or its press release wherever it is posted (no findings listed under
    # their labels), states what falls short in prose
    summary = (own or is_release(fx.ctx.page)) and not any(f.kind != "finding" for f in fx.found)
    naming = fx.ctx.holding(("inspector",))  # what INSPECTOR_SAYS and INSPECTOR_INTRO need
    for para in fx.paras:
        says = INSPECTOR_SAYS.search(para.text) if para.index in naming else None
        opens = para.text.startswith(('"', "\u201c"))
        speaking = bool(says) or (opens and (speaking or introduced)) or \
            (HE_SAID.match(para.text) is not None and _names_inspector(fx, para.index - 1, naming))  # 'He said: "'
        introduced = para.index in naming and bool(INSPECTOR_INTRO.search(para.text))
        if speaking:
            causes = list(_inspector_causes(fx, para, says.end() if says else 0))
            yield from causes
            if causes:
                continue
        lowered = para.text.lower()
        if "concern" not in lowered and '"' not in para.text and "the report" not in lowered and \
                not _reporting(lowered) and not _found_which(lowered) and not speaking and not summary or _headline(fx, para):
            continue  # the sentence tests below, made once for the whole paragraph; a page's headline is none
        yield from _sentence_findings(fx, para, speaking, own, summary)


def _names_inspector(fx, index: int, naming) -> bool:
    """The paragraph at `index` names one of HM Inspectors ("Andy Cooke, HM Inspector of
    Constabulary, said ..."), so a "He said:" after it is the inspector speaking."""
    return index in naming and index >= 0 and INSPECTOR_NAMED.search(fx.paras[index].text) is not None


def _reporting(lowered: str) -> bool:
    """REPORTING in a lower-cased paragraph, tried only where its words are: a pattern that
    opens on a word boundary is tried at every character, a word found at C's pace."""
    return ("inspector" in lowered or "hmic" in lowered) and REPORTING.search(lowered) is not None


def _found_which(lowered: str) -> bool:
    """FOUND_WHICH in a lower-cased paragraph, tried only where its relative clause is."""
    return ", which " in lowered and FOUND_WHICH.search(lowered) is not None


def _sentence_findings(fx, para, speaking: bool, own: bool, summary: bool):
    lowered = para.text.lower()
    wanted = False  # a sentence before it in the paragraph reported what the force needs to do
    for sentence in sentences(para.text):
        plain = sentence.strip('"\' \u201c\u201d')
        plain = HE_SAID.sub("", plain) if speaking else plain  # 'He said: "The force still isn't answering ...'
        text = _says_what(_wanting(plain, lowered, speaking, summary, wanted)) if not plain.endswith("?") else None
        if text:
            wanted = True
            found = fx.finding("finding", text[0].upper() + text[1:], para, place=sentence_place(para, sentence))
            yield replace(found, area=_area_of(fx, para, text))  # its own words' area, never the grade line's above
            continue
        if "concern" not in sentence.lower() and not sentence.startswith('"') \
                and plain[:10].lower() != "the report":
            continue  # none of the shapes below can be in it
        cause = _cause(sentence) if not SAID.search(sentence) else None
        if cause:
            yield fx.finding("cause-of-concern", cause.group("text"), para, place=sentence_place(para, sentence))
            continue
        concern = (CONCERN.search(plain) or (speaking or own) and CONCERNED.search(plain)) and not CONCEDED.match(plain)
        quoted = sentence.startswith('"') and fx.should.match(plain) and not EMPTY_WANT.search(plain)
        reported = REPORTED.match(plain)
        reported = reported if reported and SHORTFALL.search(plain, reported.end()) else None
        if not (concern or quoted or reported):
            continue
        text = REPORTED.sub("", plain) if reported else plain
        text = ATTRIBUTION.sub("", text).strip("\"\u201c\u201d ")  # the inspector's words, not who said them
        text = text[0].upper() + text[1:]
        yield replace(fx.finding("finding", text, para, place=sentence_place(para, text)), area=_area_of(fx, para, text))


def _wanting(plain: str, lowered: str, speaking: bool, summary: bool, follows: bool) -> str | None:
    """What the force needs to do or lacks, in the source's words, where the inspectorate
    says it: reported ("inspectors found ..."), said after ("..., the HMICFRS said"), in
    the inspector's words, or on its own summary page; None for anything else."""
    they = plain[:4].lower() == "they" and not INSPECTORS.search(lowered)  # "They said" of whom?
    unled = _unled(plain)
    which = FOUND_WHICH.search(plain)
    if which:
        return which.group("text") + "."
    if REPORTED_WANTING.match(plain) and not they or AREAS_NEEDING.match(unled):
        return unled
    said = SAID_AFTER.match(plain)
    if said and _must(_unled(said.group("text"))):
        return _unled(said.group("text")) + "."
    if said and REMAINS.search(_unled(said.group("text"))):  # "..., but concerns remain in how it ..., the inspectorate said"
        return REMAINS.search(_unled(said.group("text"))).group("text") + "."
    if (speaking or summary or follows) and _must(plain):
        return unled
    carried = IT_SAID.match(plain) if follows else None  # "It also said that Suffolk Constabulary must ensure ..."
    if carried and _must(plain[carried.end():]):
        rest = plain[carried.end():]
        return rest[:1].upper() + rest[1:]
    main = CONCESSIVE.sub("", unled)
    if (speaking or summary) and FALLS_SHORT.search(main) and not VAGUE_SUBJECT.match(main):
        return main
    return None


# the report carried on after a sentence that reported the inspectorate's wanting: "It also said that ..." ("it" is
# the inspectorate of the sentence before; review 14, item 7: Suffolk's safeguarding concern was in no question)
IT_SAID = re.compile(r"^(?:it|they)\s+(?:also\s+)?(?:said|found|noted|highlighted)\s+(?:that\s+)?", re.IGNORECASE)


def _must(text: str) -> bool:
    """The sentence says what the force must do: from its start (SPOKEN_WANTING), or after a
    concession in its own clause (BUT_MUST)."""
    return bool(SPOKEN_WANTING.match(text) or BUT_MUST.match(text))


def is_release(page) -> bool:
    """The inspectorate's press release, on its site or reposted (data/source_kinds.yaml)."""
    from briefing.sources import kind_of_text

    return kind_of_text(page.address, page.opening, False) == "press-release"


def _says_what(text: str | None) -> str | None:
    """The wanting as read, where it says what is to be done."""
    return None if text is None or EMPTY_WANT.search(text) else text


def _unled(text: str) -> str:
    return re.sub(rf"^{LEAD}", "", text, flags=re.IGNORECASE)


def _headline(fx, para) -> bool:
    """A web page's first line is its headline, never a finding."""
    page = fx.ctx.page
    return bool(page.address) and bool(page.body) and para.index <= 2 and \
        " ".join(para.text.split()).startswith(" ".join(page.body[0].split())[:60])


def _inspector_causes(fx, para, start: int):
    """Causes of concern in the inspector's own quoted words."""
    if "concern" not in para.text[start:].lower():
        return
    for sentence in sentences(para.text[start:]):
        cause = _cause(sentence.strip('"\u201c\u201d '))
        if cause:
            yield fx.finding("cause-of-concern", cause.group("text").rstrip('"\u201d'), para,
                             place=sentence_place(para, sentence.strip('"\u201c')))


def _cause(sentence: str):
    """ "X is a (serious) cause of concern", perhaps after who found it; a sentence whose
    cause is its own clause after "although" or "while" is no finding."""
    plain = sentence.strip()
    lead = FOUND_THAT.match(plain)
    if lead:
        plain = plain[lead.end():]
        plain = plain[:1].upper() + plain[1:]
    if re.search(r"\bthere\s+(?:is|are|remains?|were|was)\s+(?:an?\s+)?(?:\w+\s+)?causes?\s+(?:of|for)\b", plain,
                 re.IGNORECASE):
        return None  # "when there are causes of concern": said of causes in general, not one
    return IS_A_CAUSE.match(plain)


def quoted(fx):
    """A report's recommendation quoted inside a news sentence."""
    for para in fx.paras:
        for match in QUOTED_SHOULD.finditer(para.text):
            text = match.group("q").strip()
            yield fx.finding("finding", text[0].upper() + text[1:].rstrip(".") + ".", para,
                             place=sentence_place(para, text))


def _area_of(fx, para, text: str) -> str:
    """A finding's area from its own words ("how the force is investigating crime",
    "improve the way it investigates crime", "get better at investigating reported crimes",
    "investigations into reported crimes", "reduce the number of ... 101 calls": the task its
    verb phrase or its noun names, the first in the sentence that names one), or the heading
    it sits right under; never an area named paragraphs away, nor one named only in a topic
    or a clause of time (_main_words)."""
    main = _main_words(text)
    tasks = sorted((m for pattern in TASKS for m in pattern.finditer(main)), key=lambda m: m.start())
    named = next((area for m in tasks if (area := area_named_by(m.group("what"), fx.resolve))), "")
    area = named or _area_in(main, fx.resolve)
    if area or para.index == 0:
        return area
    heading = fx.ctx.heading_text(fx.paras[para.index - 1])
    above = fx.resolve(heading, exact=True) if len(heading) < 160 else None
    return above.canonical if above else ""


def _main_words(text: str) -> str:
    """The sentence less its topics and clauses of time and purpose (TOPIC): "It ... needs to
    improve how it provides advice about preventing crime and preserving evidence when taking
    calls from the public" is about the advice it gives, not about preventing crime."""
    return TOPIC.sub(lambda m: m.group(0) if (m.group("head") or "").lower().startswith("concern") else " ", text)


def area_named_by(phrase: str, resolve) -> str:
    """The area a phrase names by its keyword first ("its efficiency in ..."), by two of the
    area's words, or by a word no other area uses ("how it supervises investigations"); a
    word two areas share ("its handling of the public": public treatment's and responding's)
    names none, unless the phrase is the area's own wording ("its response to the public")."""
    area = resolve(phrase)
    if area is None:
        return ""
    words = stems(phrase)
    shared = {s for s in words if s in next(w for a, w in resolve.terms if a is area)}
    own = {s for s in shared if not any(s in w for a, w in resolve.terms if a is not area)}
    exact = resolve(phrase, exact=True) is area  # the area's own name ("its response to the public")
    return area.canonical if exact or resolve.led(phrase) is area or len(shared) >= 2 or own else ""


def _area_in(text: str, resolve) -> str:
    """An area named inside a sentence ("how the force is investigating crime")."""
    lowered = text.lower()
    for area in resolve.cycle.areas:
        for wording in area.wordings():
            if len(wording) > 12 and wording.lower() in lowered:
                return area.canonical
    return ""
