"""The writer processes of a pack (briefing.writer_pool): the Word document and the workbook
are written by one process and the PDF by another (a fork and its copied pages fewer, for
the same wall time on two cores); each reply is still its own format's, and a writer that
dies is named by the format it was writing."""

from __future__ import annotations

import os
import signal
import time

import pytest

from briefing.errors import BriefingError
from briefing.writer_pool import WriterPool


@pytest.fixture
def pool():
    pool = WriterPool.start(["docx", "pdf", "xlsx"])
    if pool is None:
        pytest.skip("one core, or no fork: the formats are written in turn")
    yield pool
    pool.stop()


def _kill_self():
    os.kill(os.getpid(), signal.SIGKILL)


def _slowly(value, seconds: float):
    time.sleep(seconds)
    return value


def test_word_and_the_workbook_share_a_process_and_the_pdf_has_its_own(pool):
    word, workbook, pdf = (pool.ask(fmt, os.getpid).result() for fmt in ("docx", "xlsx", "pdf"))
    assert word == workbook != pdf != os.getpid()


def test_replies_of_one_process_are_each_their_own_whatever_order_they_are_read_in(pool):
    word = pool.ask("docx", _slowly, "word", 0.2)
    workbook = pool.ask("xlsx", _slowly, "workbook", 0)
    assert workbook.result() == "workbook"
    assert word.result() == "word"


def test_a_shared_writer_that_dies_is_named_by_the_format_it_was_writing(pool):
    with pytest.raises(BriefingError) as raised:
        pool.ask("xlsx", _kill_self).result()
    assert str(raised.value) == ("the process writing the Excel workbook stopped unexpectedly (killed by signal 9 "
                                 "(SIGKILL)); no file of this pack was written")

