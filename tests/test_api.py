"""The Python API over the bundled report: Assistant.search / ask / batch, filters, k, de-duplication, scores."""

from __future__ import annotations

import json

import pytest

from ess_qa import Answer, EmptyQuestion, Filters, Passage
from ingest import load_pages
from ingest.clean import clean_page_text
from ingest.french import fold_accents, match_key

QUESTIONS = [
    "Quelles métropoles soutiennent les SCIC ?",
    "Qui préside Nantes Métropole ?",
    "Combien de collectivités adhèrent au RTES ?",
    "What is KaléidosCOOP?",
]


def test_search_returns_k_cited_passages_best_first(assistant):
    passages = assistant.search("Quelles métropoles soutiennent les SCIC ?", k=5)
    assert len(passages) == 5
    assert all(isinstance(p, Passage) for p in passages)
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    for p in passages:
        expected = f"{p.source} · p. {p.page}" + (f" · {p.section}" if p.section else "")
        assert p.citation == expected
        assert p.source == "metropoles-ess.txt" and 1 <= p.page <= 64 and p.text and p.chunk_id


def test_passages_quote_the_page_they_cite(assistant):
    from ess_qa.config import BUNDLED_CORPUS

    pages = {p.page: match_key(clean_page_text(p.text)) for p in load_pages(BUNDLED_CORPUS).pages}
    for question in QUESTIONS:
        for passage in assistant.search(question, k=10):
            page = pages[passage.page]
            # as printed, or after the header of the table whose rows it continues, printed above them on the page
            first, _, rest = passage.text.partition("\n")
            assert match_key(passage.text) in page or (match_key(first) in page and match_key(rest) in page), passage.citation


def test_known_answer_is_found(assistant):
    texts = [p.text for p in assistant.search("Qui préside Nantes Métropole ?", k=5)]
    assert any("Johanna Rolland" in t for t in texts)


@pytest.mark.parametrize("k", [1, 3, 10, 50])
def test_k_passages(assistant, k):
    assert len(assistant.search("économie sociale et solidaire", k=k)) == k


def test_k_above_the_maximum_is_capped(assistant):
    assert len(assistant.search("économie sociale et solidaire", k=500)) == 50


@pytest.mark.parametrize("k", [0, -1, True, 2.5, "5", None])
def test_invalid_k_is_refused_with_a_clear_message(assistant, k):
    with pytest.raises(ValueError, match="k must be a whole number from 1 to 50"):
        assistant.search("SCIC", k=k)
    with pytest.raises(ValueError, match="k must be a whole number"):
        assistant.batch(["SCIC"], k=k)


def test_results_are_deduplicated(assistant):
    for question in QUESTIONS:
        passages = assistant.search(question, k=30)
        keys = [match_key(p.text) for p in passages]
        assert len(keys) == len(set(keys))
        assert len({p.chunk_id for p in passages}) == len(passages)


def test_filter_by_source(assistant):
    assert assistant.search("SCIC", k=5, filters=Filters(sources=("metropoles-ess.txt",)))
    assert assistant.search("SCIC", k=5, filters=Filters(sources=("autre-rapport.pdf",))) == []


def test_filter_by_page_range(assistant):
    passages = assistant.search("soutien aux entreprises de l'ESS", k=10, filters=Filters(page_min=50, page_max=60))
    assert passages and all(50 <= p.page <= 60 for p in passages)
    single = assistant.search("soutien aux entreprises de l'ESS", k=10, filters=Filters(page_min=17, page_max=17))
    assert single and {p.page for p in single} == {17}
    assert assistant.search("SCIC", k=5, filters=Filters(page_min=65)) == []


def test_filter_by_section_ignores_case_and_accents(assistant):
    passages = assistant.search("emploi", k=10, filters=Filters(section="fiches metropoles › nantes"))
    assert passages and all(p.section == "Fiches métropoles › Nantes Métropole" for p in passages)
    champ = assistant.search("foncier", k=10, filters=Filters(section="CHAMP D’ACTION #3"))
    assert champ and all(fold_accents(p.section).startswith("CHAMP D’ACTION #3") for p in champ)


def test_filters_combine(assistant):
    filters = Filters(sources=("metropoles-ess.txt",), page_min=40, page_max=64, section="Fiches métropoles")
    passages = assistant.search("population", k=10, filters=filters)
    assert passages and all(p.page >= 40 and p.section.startswith("Fiches métropoles") for p in passages)


def test_ask_returns_an_answer_with_the_search_passages(assistant):
    question = "Combien de collectivités adhèrent au RTES ?"
    answer = assistant.ask(question, k=5)
    assert isinstance(answer, Answer)
    assert answer.question == question
    searched = assistant.search(question, k=5)
    assert sorted(p.chunk_id for p in answer.passages) == sorted(p.chunk_id for p in searched)
    # the passage the answer is drawn from comes first, the others in search order
    assert answer.found and answer.snippet_cites == (answer.passages[0].cite,)
    rest = [p.chunk_id for p in answer.passages[1:]]
    assert rest == [p.chunk_id for p in searched if p.chunk_id in rest]
    assert answer.notice is None
    json.dumps(answer.to_dict(), ensure_ascii=False)  # serialisable as it is


def test_batch_equals_ask_one_by_one(assistant):
    batch = assistant.batch(QUESTIONS, k=5)
    assert [a.to_dict() for a in batch] == [assistant.ask(q, k=5).to_dict() for q in QUESTIONS]


def test_batch_of_nothing(assistant):
    assert assistant.batch([], k=5) == []


def test_batch_accepts_any_iterable(assistant):
    assert len(assistant.batch(iter(QUESTIONS[:2]), k=2)) == 2


@pytest.mark.parametrize("question", ["", "   ", "\n\t", "?!…", "🙂🙂"])
def test_empty_questions_are_refused_by_every_entry_point(assistant, question):
    with pytest.raises(EmptyQuestion):
        assistant.search(question)
    with pytest.raises(EmptyQuestion):
        assistant.ask(question)
    with pytest.raises(EmptyQuestion):
        assistant.batch(["Qui préside Nantes Métropole ?", question])


def test_long_question_is_truncated_with_a_notice(assistant):
    answer = assistant.ask("Qui préside Nantes Métropole ? " * 200, k=3)
    assert answer.notice and "truncated" in answer.notice
    assert len(answer.question) <= 1000 and answer.passages


def test_sources(assistant):
    assert assistant.sources == ["metropoles-ess.txt"]


def test_the_python_api_works_where_the_index_folder_is_named_index(report_index_dir, tmp_path):
    """`ess-qa index --index-dir index`, then Python in the same directory: the folder « index » (its `lexical/` folder)
    and a folder « ingest » are not taken for ess-qa's packages of those names."""
    import shutil
    import subprocess
    import sys

    shutil.copytree(report_index_dir, tmp_path / "index")
    (tmp_path / "ingest" / "chunking").mkdir(parents=True)  # a user's folder of files to index, with a module's name inside
    script = "from ess_qa import Assistant; answer = Assistant.load('index').ask('Qui pilote le parcours ADRESS ?'); print(answer.found)"
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr[-2000:]
