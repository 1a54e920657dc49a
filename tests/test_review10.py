"""Review 10's items that are rules of the source's kind (the packs a PCC reviewer read on
7 December 2026, /work/briefs/review-pcc10.md on the machine it was written on)."""

from __future__ import annotations

from reading import read_shared

from briefing.sources import kind_of_text, source_kind_name, with_article

TITLE_PAGE = ("Upload: others\n\nPost on 19-Feb-2022\n\nTRANSCRIPT\n\nPEEL Police effectiveness, efficiency and "
              "legitimacy 2018/19\n\nAn inspection of Northshire Police\n\ni\n\nContents\n\nWhat this report contains 1")


def test_a_text_copy_of_the_report_is_named_as_one_and_not_taken_as_whole():
    """South Yorkshire's 2018/19 report, a transcript on a document-sharing site (item 9), was
    called a "web page", so a reader looked for a force's page; it is the inspectorate's own
    report, but a copy found elsewhere may stop anywhere (this one stops at the contents), so
    it is not taken to list every finding. A PDF that opens so is the report itself."""
    assert kind_of_text("https://docs.example.site/peel-201819.html", TITLE_PAGE, False) == "report-copy"
    assert with_article(source_kind_name("report-copy")) == "a copy of the HMICFRS report"
    assert kind_of_text("", TITLE_PAGE, True) == "report"
    news = "Northshire Police 'requires improvement'\n\nAn inspection of Northshire Police found ...\n\nContents of the report"
    assert kind_of_text("https://www.example.org/story", news, False) == "web-page"
    south_yorkshire = read_shared("corpus/texts/south-yorkshire-2018-19-report-pdf-copy.txt").inspection
    assert (south_yorkshire.source_kind, south_yorkshire.findings_complete) == ("report-copy", False)
