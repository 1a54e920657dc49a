"""Review 6, item 17: a Police Professional article (the Hampshire 2023-25 news text) was called
an "inspectorate press release" because it reprints the release's "the police inspectorate has
said", and the tool reads a release's prose as HMICFRS's own words; Cheshire's article from the
same publisher was a "web page". A publisher's own site decides the kind before any words do."""

from __future__ import annotations

import pytest
from reading import read

from briefing.sources import kind_of_text, source_kind_name


@pytest.mark.parametrize(("address", "head", "kind"), [
    ("https://policeprofessional.com/news/northshire-constabulary-good-at-protecting-the-vulnerable",
     "Northshire Constabulary is good at protecting vulnerable people, the police inspectorate has said.", "trade-news"),
    ("https://policeprofessional.com/?p=142708", "Northshire Constabulary highlighted as a positive example",
     "trade-news"),
    # the publisher's name in another site's path is no publisher's site
    ("https://www.wired-gov.net/wg/news.nsf/articles/policeprofessional.com+northshire",
     "the police inspectorate has said", "press-release"),
    ("https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/northshire/", "the police inspectorate has said",
     "press-release"),
])
def test_a_publishers_own_site_decides_the_kind(address, head, kind):
    assert kind_of_text(address, head, False) == kind


def test_a_trade_paper_article_is_named_as_one(tmp_path):
    text = ("SOURCE: https://policeprofessional.com/news/northshire-must-improve\nNorthshire Police must improve\n"
            "Northshire Police must continue to improve how quickly it answers calls, the police inspectorate has said.\n")
    found = read(tmp_path, text).inspection
    assert found.source_kind == "trade-news"
    assert source_kind_name(found.source_kind) == "trade press article"
