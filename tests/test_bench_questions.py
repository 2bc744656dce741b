"""benchmarks/bench_questions.py without running ess-qa: its sets, its figures and table, and answers read back for scoring."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from ess_qa.evaluation import Question, load_answers, score
from ess_qa.types import Answer, Passage

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_questions as bench  # noqa: E402

PASSAGE = Passage("Nantes compte 656 275 habitants.", "a.txt", 3, "Fiches", 0.9, "c1")
OTHER = Passage("Rien à voir.", "a.txt", 4, "", 0.5, "c2")
QUESTIONS = [
    Question("a", "numeric", "habitants nantes", ("656 275 habitants",), "keywords"),
    Question("b", "numeric", "Combien d'habitants à Nantes ?", ("656 275 habitants",), "well_formed"),
    Question("c", "out_of_scope", "Budget de Nantes ?", (), "well_formed"),
]


def answers(right: bool) -> list[Answer]:
    """Answers that find the evidence first (right) or not at all; the out-of-scope one is refused when right."""
    passages = [PASSAGE, OTHER] if right else [OTHER]
    return [
        Answer(QUESTIONS[0].question, passages, snippet=PASSAGE.text if right else None),
        Answer(QUESTIONS[1].question, passages, snippet=PASSAGE.text if right else None, found=right),
        Answer(QUESTIONS[2].question, [OTHER], found=not right),
    ]


def test_every_set_is_a_file_with_a_role_and_its_document_as_the_readme_names_it():
    readme = (BENCHMARKS / "questions" / "README.md").read_text(encoding="utf-8")
    assert len({s.name for s in bench.SETS}) == len(bench.SETS)
    unseen = {"competences", "impermeabilisation", "scic-sport", "economie-circulaire", "trajectoire-snbc", "near-topic-trajectoire-snbc",
              "loi-anti-gaspillage", "near-topic-loi-anti-gaspillage", "mandataires-enquete", "near-topic-mandataires-enquete",
              "rpqs-dechets", "near-topic-rpqs-dechets", "ami-orientation", "near-topic-ami-orientation",
              "marches-publics", "near-topic-marches-publics", "accessibilite-voirie", "near-topic-accessibilite-voirie",
              "commissions-menus", "ecoconception-sne", "salaries-proteges", "conseil-pierrefonds",
              "otp2-calculateur", "near-topic-otp2-calculateur", "domifa-guide", "near-topic-domifa-guide",
              "sifa-instructions", "near-topic-sifa-instructions", "energie-patrimoine-communal",
              "near-topic-energie-patrimoine-communal", "transport-obligations", "near-topic-transport-obligations",
              "stop-punaises", "near-topic-stop-punaises",
              "cnig-sru-niveau1", "near-topic-cnig-sru-niveau1", "gart-tarification-sociale", "near-topic-gart-tarification-sociale",
              "fabmob-statuts", "near-topic-fabmob-statuts", "betagouv-bilan-2023", "near-topic-betagouv-bilan-2023",
              "lpo-rapaces-nicheurs", "near-topic-lpo-rapaces-nicheurs",
              "commerce-equitable", "near-topic-commerce-equitable", "csc-ostwald", "near-topic-csc-ostwald",
              "fresque-donnee", "near-topic-fresque-donnee", "avis-citoyen-mia", "near-topic-avis-citoyen-mia",
              "cm-chemere", "near-topic-cm-chemere", "getigne-padd", "near-topic-getigne-padd",
              "recours-redevances", "near-topic-recours-redevances", "services-publics-locaux",
              "near-topic-services-publics-locaux", "oeuvres-sociales-notariat", "near-topic-oeuvres-sociales-notariat",
              "merignac-sport-sante", "near-topic-merignac-sport-sante",
              "saint-loup-cammas-pv-2023", "near-topic-saint-loup-cammas-pv-2023", "protocole-covid-hebergement",
              "near-topic-protocole-covid-hebergement", "valais-plan-climat", "near-topic-valais-plan-climat",
              "roundnet-regles-2021", "near-topic-roundnet-regles-2021",
              "chelsea-transport-actif", "near-topic-chelsea-transport-actif",
              "faq-examens-2020", "near-topic-faq-examens-2020",
              "invs-morsures-chien", "near-topic-invs-morsures-chien", "luxeuil-saison-culturelle",
              "near-topic-luxeuil-saison-culturelle", "arrete-dpe-2021", "near-topic-arrete-dpe-2021",
              "bicyclette-bruzoise-reglement", "near-topic-bicyclette-bruzoise-reglement",
              "livret-greffe-foie-mondor", "near-topic-livret-greffe-foie-mondor",
              "ademe-ecocitoyen-bureau", "near-topic-ademe-ecocitoyen-bureau",
              "ademe-ecocitoyen-bureau-b", "near-topic-ademe-ecocitoyen-bureau-b",
              "etic-reglement-interieur", "near-topic-etic-reglement-interieur",
              "dinsic-contribution-open-source", "near-topic-dinsic-contribution-open-source",
              "yapaka-separation-conjugale", "near-topic-yapaka-separation-conjugale",
              "archers-alberes-reglement", "near-topic-archers-alberes-reglement",
              "dma-rapport-activite-2024", "near-topic-dma-rapport-activite-2024",
              "civa-declaration-recolte", "near-topic-civa-declaration-recolte",
              "sdes-conjoncture-energie-2025", "near-topic-sdes-conjoncture-energie-2025",
              "alliance-sociale-marin", "near-topic-alliance-sociale-marin",
              "massiac-deliberations-2020", "near-topic-massiac-deliberations-2020",
              "paris-guide-violences-enfants", "near-topic-paris-guide-violences-enfants",
              "notice-vae-recevabilite", "near-topic-notice-vae-recevabilite",
              "apidae-tourisme-statuts-2021", "near-topic-apidae-tourisme-statuts-2021",
              "oz-ensemble-presse-2023", "near-topic-oz-ensemble-presse-2023",
              "interloire-drm-guide-2021", "near-topic-interloire-drm-guide-2021",
              "spa-salon-rapport-2021", "near-topic-spa-salon-rapport-2021",
              "gentiana-agenda-2014", "near-topic-gentiana-agenda-2014",
              "guide-etudiant-solidaires", "near-topic-guide-etudiant-solidaires",
              "bdf-surendettement", "near-topic-bdf-surendettement",
              "dialog-ecoconception", "near-topic-dialog-ecoconception",
              "ffe-contrat-delegation", "near-topic-ffe-contrat-delegation",
              "velo-longchamp-anneau", "near-topic-velo-longchamp-anneau",
              "lacito-rapport-2012", "near-topic-lacito-rapport-2012",
              "loi-securite-civile-2004", "near-topic-loi-securite-civile-2004",
              "livret-citoyen-2022", "near-topic-livret-citoyen-2022",
              "gazette-amis-musees-2019", "near-topic-gazette-amis-musees-2019",
              "declarvin-notice-drm", "near-topic-declarvin-notice-drm",
              "polytech-sorbonne-reglement-etudes", "near-topic-polytech-sorbonne-reglement-etudes",
              "slc-canard-2009", "near-topic-slc-canard-2009",
              "ors-paca-alpes-maritimes-2022", "near-topic-ors-paca-alpes-maritimes-2022",
              "judo-seclin-livret-grade", "near-topic-judo-seclin-livret-grade",
              "consultation-egalite-fh-2016", "near-topic-consultation-egalite-fh-2016",
              "fntp-seve-tp-guide", "near-topic-fntp-seve-tp-guide",
              "ty-bugale-reglement", "near-topic-ty-bugale-reglement",
              "france-strategie-zan-2019", "near-topic-france-strategie-zan-2019",
              "guide-usagers-anc-2012", "near-topic-guide-usagers-anc-2012",
              "requete-irfm", "near-topic-requete-irfm"}
    assert {s.name for s in bench.SETS if s.role == bench.UNSEEN} == unseen
    assert all(s.role == bench.TUNING for s in bench.SETS if s.name not in unseen)
    for qset in bench.SETS:
        assert qset.questions.is_file(), qset.questions
        if qset.pdf:  # the README's table gives the question file, its PDF and the PDF's sha256 on one line
            assert any(qset.questions.name in line and qset.pdf in line and qset.sha256 in line for line in readme.splitlines())
        if qset.fetched:  # ... and where a PDF that is not a shared one comes from
            repository, _, path = qset.fetched.partition(":")
            assert repository.split("@")[0] in readme and path in readme, qset.fetched


def test_answers_read_back_from_batch_json_score_as_the_answers_themselves(tmp_path):
    path = tmp_path / "answers.jsonl"
    path.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in answers(True)), encoding="utf-8")
    assert score(QUESTIONS, load_answers(path)) == score(QUESTIONS, answers(True))


def test_figures_per_set_and_style():
    figures = bench.figures_of(score(QUESTIONS, answers(True)))
    assert {k: figures[k] for k in ("in_scope", "out_of_scope", "hit@5", "answer@1", "in_scope_refused", "out_of_scope_refused")} == {
        "in_scope": 2, "out_of_scope": 1, "hit@5": 1.0, "answer@1": 1.0, "in_scope_refused": 0, "out_of_scope_refused": 1,
    }
    assert figures["per_style"]["keywords"]["out_of_scope"] == 0
    assert figures["per_style"]["well_formed"]["out_of_scope_refused"] == 1


def test_table_puts_two_revisions_side_by_side_with_a_row_per_style():
    qset = bench.SETS[0]
    this, other = (bench.figures_of(score(QUESTIONS, answers(right))) for right in (True, False))
    rows = bench.table_rows([qset], [{qset.name: this}, {qset.name: other}])
    assert [row[0] for row in rows] == [qset.name, "  keywords", "  well_formed"]
    assert rows[0][1:9] == [bench.TUNING, "2", "1", "1.00 (0.00)", "1.00 (0.00)", "1.00 (0.00)", "0/2 (1/2)", "1/1 (0/1)"]
    shown, read = (this[name] for name in ("passage_chars", "read_chars"))
    assert rows[0][9:] == [f"{shown:.0f} ({other['passage_chars']:.0f})", f"{read:.0f} ({other['read_chars']:.0f})"] and shown > 0 and read > 0
    assert rows[1][8] == "– (–)"  # no out-of-scope question typed as keywords
    assert bench.table_rows([qset], [{qset.name: this}])[0][4:9] == ["1.00", "1.00", "1.00", "0/2", "1/1"]
    lines = bench.format_table(rows).splitlines()
    assert lines[0].split()[:2] == ["set", "role"] and len(lines) == 2 + len(rows)


def test_an_unknown_set_is_refused(capsys):
    with pytest.raises(SystemExit) as exit_:
        bench.parse_args(["--sets", "nowhere"])
    assert exit_.value.code == 2 and "competences" in capsys.readouterr().err


def test_bench_stores_counts_identical_answers_and_judges_each_set():
    import bench_stores as stores

    def record(answer: Answer) -> dict:  # an answer's JSON line from `ess-qa batch`
        return json.loads(json.dumps(answer.to_dict(), ensure_ascii=False))

    local = [record(a) for a in answers(True)]
    postgres = [record(a) for a in answers(True)]
    postgres[1]["passages"].reverse()  # same passages, another order: citations differ
    postgres[2]["found"] = True  # the local store refused it
    found = stores.differences([q.id for q in QUESTIONS], local, postgres)
    assert found == [
        {"id": "b", "differs": ["citations"], "local": PASSAGE.citation, "postgres": OTHER.citation},
        {"id": "c", "differs": ["found"], "local": OTHER.citation, "postgres": OTHER.citation},
    ]
    assert stores.differences([q.id for q in QUESTIONS], local, [record(a) for a in answers(True)]) == []
    figures = {store: bench.figures_of(score(QUESTIONS, answers(True))) for store in stores.STORES}
    assert stores.verdict(stores.Comparison(figures, 20, found[:1])) == (True, "")  # 19/20 identical: 95%
    ok, why = stores.verdict(stores.Comparison({**figures, "postgres": bench.figures_of(score(QUESTIONS, answers(False)))}, 3, found))
    assert not ok and why == "hit@5 differs by -1.000; MRR@10 differs by -1.000; 1/3 answers identical, under 95%"
    unseen = next(s for s in bench.SETS if s.role == bench.UNSEEN)
    shown = stores.difference_lines([unseen], {unseen.name: stores.Comparison(figures, 3, found)})
    assert shown == [f"{unseen.name} (unseen: ids only): b, c"]


def test_the_quick_loop_chooses_on_tuning_sets_only_unless_told():
    import dev_loop

    assert {s.role for s in dev_loop.chosen(None)} == {bench.TUNING}
    assert [s.name for s in dev_loop.chosen(["near-topic-cantine"])] == ["near-topic-cantine"]
    assert len(dev_loop.chosen(["near-topic-c"])) > 1  # a prefix names every set it starts
    with pytest.raises(SystemExit):
        dev_loop.chosen(["no-such-set"])


def test_the_quick_loop_compares_two_runs_question_by_question(tmp_path, capsys):
    import dev_loop

    row = {"set": "s", "kind": "fact", "style": None, "in_scope": True, "rank": 1, "right": True, "found": True, "snippet": "a", "why": ""}
    before = [row | {"id": "1"}, row | {"id": "2", "right": False, "snippet": "b"}, row | {"id": "3", "in_scope": False, "rank": None, "right": False}]
    after = [row | {"id": "1"}, row | {"id": "2", "snippet": "c"}, row | {"id": "3", "in_scope": False, "rank": None, "right": False, "found": False, "snippet": None}]
    (tmp_path / "a.json").write_text(json.dumps(before), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(after), encoding="utf-8")
    dev_loop.compare(tmp_path / "a.json", tmp_path / "b.json", show=False)
    printed = capsys.readouterr().out
    assert "right gained: 1" in printed and "out of scope refused: 1" in printed and "snippet changed: 2" in printed


def test_the_quick_loop_counts_refusals_by_the_rule_that_refused_them(tmp_path, capsys):
    import dev_loop

    assert dev_loop.refusing_rule("not about: réseau froid") == "not about"
    assert dev_loop.refusing_rule("answerability 0.300 < 0.4637") == "answerability"
    assert dev_loop.refusing_rule("snippet score 0.1 < 0.2") == "snippet score"
    assert dev_loop.refusing_rule("no snippet") == dev_loop.refusing_rule("") == "no snippet"
    row = {"set": "s", "kind": "fact", "style": None, "rank": None, "right": False, "found": False, "snippet": None}
    rows = [row | {"id": "1", "in_scope": True, "why": "not about: froid"}, row | {"id": "2", "in_scope": False, "why": "not about: eau"},
            row | {"id": "3", "in_scope": False, "why": "never mentioned: Lyon"}, row | {"id": "4", "in_scope": True, "found": True, "why": ""}]
    (tmp_path / "out.json").write_text(json.dumps(rows), encoding="utf-8")
    dev_loop.reasons(tmp_path / "out.json", None)
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["not", "about", "1", "1"] and lines[2].split() == ["never", "mentioned", "0", "1"] and len(lines) == 3


def test_fetched_pdfs_are_taken_from_local_repository_copies_or_named_when_missing(tmp_path):
    import take_fetched

    pdfs = take_fetched.fetched_pdfs(None)
    assert pdfs and all("@" in source and ":" in source for _, source in pdfs.values())
    assert set(take_fetched.fetched_pdfs("unseen")) < set(pdfs)
    name, (sha256, source) = next(iter(pdfs.items()))
    report = take_fetched.take(tmp_path / "mirrors", tmp_path / "out", name, sha256, source)
    assert report.startswith("missing") and source.split("@")[0] in report


def test_pools_sum_counts_weigh_means_by_questions_and_count_documents_refusing_five_of_six():
    unseen = [q for q in bench.SETS if q.role == bench.UNSEEN]
    main, near = next(q for q in unseen if not q.name.startswith("near-topic")), None
    near = next((q for q in unseen if q.name == f"near-topic-{main.name}"), None)
    right, wrong = (bench.figures_of(score(QUESTIONS, answers(r))) for r in (True, False))
    one = bench.pooled([right, wrong])
    for count in ("in_scope", "out_of_scope", "in_scope_refused", "out_of_scope_refused"):
        assert one[count] == right[count] + wrong[count]
    assert one["hit@5"] == 0.5 and bench.pooled([right, bench.figures({}, {})])["hit@5"] == 1.0  # a set with no question in scope weighs 0
    sets = [main] + ([near] if near else [])
    result = {main.name: right, **({near.name: wrong} if near else {})}
    assert bench.documents_refusing(sets, result) == (1, 1)  # near-topic questions aside: 1 of 1 refused on its document
    rows, lines = bench.pooled_table(sets, [result, {name: wrong for name in result}])
    labels = [row[0] for row in rows]
    assert labels[0] == "unseen documents" and "  kind numeric" in labels and "  style keywords" in labels
    assert rows[0][4] == ("0.500 (0.000)" if near else "1.000 (0.000)")
    assert lines == ["unseen documents: out-of-scope questions refused 5 of 6 or more on 1 of 1 documents (0 of 1)"]


@pytest.mark.parametrize("bare", [True, False])
def test_a_fetched_pdf_is_taken_from_a_bare_copy_or_from_a_checkout(tmp_path, bare):
    """The fetch tool writes a repository as a bare copy (owner+name/repo) or as a checkout with its .git inside
    (owner+name/repo/.git): the PDF is taken out of either, and checked against its sha256."""
    import hashlib
    import subprocess

    import take_fetched

    work = tmp_path / "work"
    work.mkdir()
    (work / "guide.pdf").write_bytes(b"%PDF-1.4 a guide")
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run(git + ["add", "guide.pdf"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "guide"], check=True)
    commit = subprocess.run(git + ["rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    mirror = tmp_path / "mirrors" / "owner+name" / "repo"
    mirror.parent.mkdir(parents=True)
    subprocess.run(["git", "clone", "-q", *(["--bare"] if bare else []), str(work), str(mirror)], check=True)
    (tmp_path / "out").mkdir()
    sha256 = hashlib.sha256(b"%PDF-1.4 a guide").hexdigest()
    report = take_fetched.take(tmp_path / "mirrors", tmp_path / "out", "guide.pdf", sha256, f"owner/name@{commit}:guide.pdf")
    assert report.startswith("ok") and (tmp_path / "out" / "guide.pdf").read_bytes() == b"%PDF-1.4 a guide", report
