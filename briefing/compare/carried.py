"""An earlier finding the matcher leaves alone, in the area of a later finding whose own words say
it carries on from before: "Concerns remain in how it is investigating crime and protecting the
vulnerable", "We have highlighted these problems in previous inspection reports". The newer
source says that concern persists; the pack must never ask whether it was resolved.

The matcher links one to one, and a merge needs a close score: Wiltshire 2021/22's "The force is
missing opportunities to protect vulnerable and repeat victims of crime" went unlinked beside
2023-25's "Concerns remain in how it is ... protecting the vulnerable", already linked to another
2021/22 finding, and the pack asked whether the force considered it resolved. Such a finding is
linked to the later one as persisting, with the later one's words as the reason; only a finding
with an area of its own, wholly unlinked, and never against the analyst's `forbid`.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.compare.links import Link
from briefing.compare.matching import score_matrix
from briefing.frameworks import Frameworks
from briefing.model import Finding


def carried_links(old: Sequence[Finding], new: Sequence[Finding], links: list[Link], fw: Frameworks,
                  forbidden: set[tuple[int, int]] = frozenset(), stopwords: frozenset[str] = frozenset()) -> list[Link]:
    """The links, with one for each wholly unlinked earlier finding to the first later finding
    that says it carries on from before (`continues`) and names the earlier finding's area as
    its own or as one it lists."""
    linked_old, linked_new = {link.old for link in links}, {link.new for link in links}
    added = []
    for i, finding in enumerate(old):
        if i in linked_old or not finding.area:
            continue
        j = next((j for j, later in enumerate(new) if later.continues and (i, j) not in forbidden
                  and finding.area in {later.area, *later.areas}), None)
        if j is None:
            continue
        score = score_matrix([finding], [new[j]], stopwords)[0][0][0]
        area = fw.area_name(finding.area)
        merged = j in linked_new
        added.append(Link(i, j, round(score, 3), f"{'merged into a finding already linked: ' if merged else ''}the "
                          f"later finding says it carries on from before (\u201c{new[j].continues}\u201d), in this "
                          f"finding's area ({area})", merged=merged))
        linked_new.add(j)
    return sorted(links + added, key=lambda link: (link.new, link.old))
