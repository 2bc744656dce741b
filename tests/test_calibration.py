"""Refusal calibrated for each corpus: stored with its index for its model and documents, used by the
assistant, refreshed by every build; off-topic and near-topic questions refused on any document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ess_qa import Assistant, build
from ess_qa.answering import AnswerSettings
from ess_qa.calibration import ATTACHMENT, ProbeScore, calibrate, calibrated_settings, choose_settings, refusals
from ess_qa.probes import GENERIC_OFF_TOPIC, OFF_TOPIC, make_probes
from ess_qa.questions import name_runs, proper_names, question_content, question_type
from index.store import NewDocument, build_index, open_store, open_writer
from ess_qa.evidence import type_matches
from ingest.french import folded_content_words, noun_complements, split_sentences
from ingest.numbers import counts, holds_money, number_runs, quantity_runs
from ingest.types import Chunk

# A small document written for these tests: four pages of a local composting plan (pages split on form feeds).
PAGES = (
    """Plan local de prévention des déchets du Val d'Ardoise

Le Syndicat intercommunal du Val d'Ardoise regroupe 23 communes et 41 500 habitants. En 2021, le
conseil syndical a adopté un plan de prévention des déchets pour la période 2021-2026. Ce plan vise
une baisse de 15 % des ordures ménagères résiduelles par habitant.

Le plan est piloté par la vice-présidente chargée de l'environnement, Mme Hélène Marchetti, avec un
comité de suivi qui réunit les communes, les associations et les bailleurs sociaux.""",
    """Le compostage partagé

Le compostage partagé permet aux habitants d'un immeuble ou d'un quartier de déposer leurs déchets
de cuisine dans un composteur collectif. En 2022, 48 composteurs collectifs ont été installés au
pied des immeubles et dans les jardins familiaux. Chaque site est suivi par un référent bénévole
formé par le syndicat.

Une formation de guide composteur de deux jours est proposée gratuitement aux habitants volontaires.
Les référents reçoivent un bio-seau, un aérateur et un guide pratique.""",
    """La réparation et le réemploi

La ressourcerie de Pont-Saint-Aubin collecte les objets dont les habitants n'ont plus l'usage. Elle
emploie 12 salariés en insertion et a revendu 96 tonnes d'objets en 2023. Un atelier de réparation
de vélos ouvre chaque samedi matin dans ses locaux.

Le syndicat verse à la ressourcerie une subvention annuelle de 35 000 euros pour ses actions de
sensibilisation dans les écoles.""",
    """Le suivi du plan

Chaque année, le comité de suivi publie un bilan des actions et des tonnages collectés. Le bilan de
2023 montre une baisse de 9 % des ordures ménagères résiduelles par rapport à 2020. Les résultats
sont présentés aux communes membres lors de l'assemblée générale du mois de juin.""",
)
REAL_QUESTION = "Combien de composteurs collectifs ont été installés en 2022 ?"
OFF_TOPIC_QUESTION = "Comment apprendre à jouer aux échecs quand on débute ?"  # not one of the probes'
NEAR_TOPIC_YEAR = "Combien de composteurs collectifs ont été installés en 2031 ?"  # a year the document never mentions
NEAR_TOPIC_SUM = "Quel est le tarif de la redevance incitative des ordures ménagères ?"  # a sum it never gives
REAL_SUM = "Quel est le montant de la subvention annuelle versée à la ressourcerie ?"
NEAR_TOPIC_KIND = "Quel jour ouvre l'atelier de réparation de voitures ?"  # another kind of the workshop it describes
REAL_KIND = "Quel jour ouvre l'atelier de réparation de vélos ?"


@pytest.fixture(scope="module")
def plan_index(tmp_path_factory) -> Path:
    """The composting plan, written as a text file and indexed (with its calibration)."""
    folder = tmp_path_factory.mktemp("plan")
    (folder / "plan-dechets.txt").write_text("\f".join(PAGES), encoding="utf-8")
    build(folder, folder / "index")
    return folder / "index"


@pytest.fixture(scope="module")
def plan(plan_index) -> Assistant:
    """The assistant over the composting plan."""
    return Assistant.load(plan_index)


def test_the_calibration_is_stored_with_the_index_for_its_model_and_documents(plan_index, plan):
    document = plan.store.attachment(ATTACHMENT)
    assert document["model"] == plan.store.model
    assert document["documents"] == {d.name: d.sha256 for d in plan.store.documents()}
    settings = AnswerSettings(**document["settings"])
    assert settings != AnswerSettings()  # computed for this corpus, not the defaults
    assert plan.answer_settings == settings  # and used
    assert document["probes"]["off-topic"]["of"] == len(GENERIC_OFF_TOPIC)
    assert json.loads((plan_index / "extras" / f"{ATTACHMENT}.json").read_text(encoding="utf-8")) == document


def test_a_real_question_is_answered_and_an_off_topic_one_refused_on_any_document(plan):
    answer = plan.ask(REAL_QUESTION)
    assert answer.found and "48 composteurs" in answer.snippet
    off_topic = plan.ask(OFF_TOPIC_QUESTION)
    assert off_topic.found is False and off_topic.snippet is None and off_topic.passages


def test_a_year_or_a_sum_the_document_never_gives_is_not_answered(plan):
    for question in (NEAR_TOPIC_YEAR, NEAR_TOPIC_SUM):
        answer = plan.ask(question)
        assert answer.found is False and answer.snippet is None, question
    answer = plan.ask(REAL_SUM)
    assert answer.found and "35 000 euros" in answer.snippet


def test_a_question_on_another_kind_of_what_the_document_treats_is_not_answered(plan):
    answer = plan.ask(NEAR_TOPIC_KIND)
    assert answer.found is False and answer.snippet is None and answer.passages
    answer = plan.ask(REAL_KIND)
    assert answer.found and "samedi" in answer.snippet


def test_noun_complements_are_read_from_french_phrases():
    assert noun_complements("Comment raccorder une copropriété à un réseau de froid ?") == [("réseau", "froid")]
    assert noun_complements("le contrat d’abonnement au réseau de chaleur de la ville") == [("contrat", "abonnement"), ("réseau", "chaleur")]
    assert noun_complements("le tri des biodéchets, le rôle de chacun et le bilan d'une cantine") == []
    assert noun_complements("sans chiffre d'affaires deux ans de suite, ou trois mois d'affilée") == [("chiffre", "affaires")]
    assert noun_complements("Combien de salariés ?") == []
    assert noun_complements("l'atelier de réparation de vélos") == [("atelier", "réparation"), ("réparation", "vélos")]
    # a verb after « de » takes an object or an adverb: no kind of right, of obligation
    assert noun_complements("L'employeur a-t-il le droit de retenir directement sur la paie les cotisations ?") == []
    assert noun_complements("l'obligation de fournir un local commun") == []
    assert noun_complements("le réseau de chaleur des villes") == [("réseau", "chaleur")]
    # a preposition's or an adverb's « de », a number in words: no kind of emissions, of France, of lease
    assert noun_complements("la baisse des émissions de carbone d'ici 2030") == [("émissions", "carbone")]
    assert noun_complements("la France d'apres guerre, le plein d'après le guide, un bail de cinq ans") == []


def test_the_thresholds_stand_on_the_scores_as_measured_even_when_a_rule_refuses(plan):
    """A rule that refuses off-topic probes on its own (a name the corpus lacks) does not lower the threshold."""
    probes = make_probes(plan.store)
    measured = [ProbeScore(p, 0.2 if p.kind == OFF_TOPIC else 1.0, 0.5) for p in probes]
    ruled_out = [ProbeScore(s.probe, s.answerability, s.snippet_score, ruled_out=s.probe.kind == OFF_TOPIC) for s in measured]
    assert choose_settings(ruled_out) == choose_settings(measured)
    assert refusals(ruled_out, choose_settings(measured))[OFF_TOPIC]["refused"] == len(GENERIC_OFF_TOPIC)


def test_the_calibration_is_deterministic(plan):
    first = calibrate(plan.store, plan.judgements)
    second = calibrate(plan.store, plan.judgements)
    assert [p.question for p in make_probes(plan.store)] == [p.question for p in make_probes(plan.store)]
    assert first["settings"] == second["settings"] == plan.store.attachment(ATTACHMENT)["settings"]


def test_a_calibration_for_another_model_or_other_documents_is_not_used(plan, tmp_path):
    stored = plan.store.attachment(ATTACHMENT)
    sources = {d.name: d.sha256 for d in plan.store.documents()}
    index = tmp_path / "index"
    # the same chunks and model, with the calibration of another model: the defaults are used
    build_index(list(plan.store.chunks), index, sources, plan.store.manifest.chunking, plan.store.model, attachments={ATTACHMENT: {**stored, "model": "another-model"}})
    assert calibrated_settings(open_store(str(index))) == AnswerSettings()
    # the right calibration, then a document added by a writer that does not recalibrate: no longer used
    build_index(list(plan.store.chunks), index, sources, plan.store.manifest.chunking, plan.store.model, attachments={ATTACHMENT: stored})
    assert calibrated_settings(open_store(str(index))) == AnswerSettings(**stored["settings"])
    annex = Chunk("annexe-1", "annexe.txt", 1, "", "Annexe : liste des vingt-trois communes membres du syndicat.")
    open_writer(str(index)).put_documents([NewDocument("annexe.txt", "0" * 64, (annex,))])
    assert calibrated_settings(open_store(str(index))) == AnswerSettings()


def test_a_writer_given_the_calibration_recalibrates(plan, tmp_path):
    from ess_qa.assistant import derived_attachments

    index = tmp_path / "index"
    sources = {d.name: d.sha256 for d in plan.store.documents()}
    build_index(list(plan.store.chunks), index, sources, plan.store.manifest.chunking, plan.store.model, derived=derived_attachments)
    annex = Chunk("annexe-1", "annexe.txt", 1, "", "Annexe : liste des vingt-trois communes membres du syndicat.")
    open_writer(str(index), derived=derived_attachments).put_documents([NewDocument("annexe.txt", "0" * 64, (annex,))])
    store = open_store(str(index))
    assert set(store.attachment(ATTACHMENT)["documents"]) == {"plan-dechets.txt", "annexe.txt"}
    assert calibrated_settings(store) == AnswerSettings(**store.attachment(ATTACHMENT)["settings"])


def test_the_defaults_are_the_bundled_reports_calibration(assistant):
    calibrated, defaults = assistant.answer_settings, AnswerSettings()
    assert abs(calibrated.min_answerability - defaults.min_answerability) < 0.05
    assert abs(calibrated.min_snippet_score - defaults.min_snippet_score) < 0.05


def test_every_build_recalibrates_for_the_documents_it_holds(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "plan-dechets.txt").write_text("\f".join(PAGES[:2]), encoding="utf-8")
    build(folder, tmp_path / "index")
    before = open_store(str(tmp_path / "index")).attachment(ATTACHMENT)
    (folder / "reemploi.txt").write_text("\f".join(PAGES[2:]), encoding="utf-8")
    build(folder, tmp_path / "index")  # a document added: reused vectors, a new calibration
    after = open_store(str(tmp_path / "index")).attachment(ATTACHMENT)
    assert set(after["documents"]) == {"plan-dechets.txt", "reemploi.txt"} and set(before["documents"]) == {"plan-dechets.txt"}
    assert calibrated_settings(open_store(str(tmp_path / "index"))) == AnswerSettings(**after["settings"])


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Quand le plan a-t-il été adopté ?", "date"),
        ("le mois de l'ESS c'est quand ?", "date"),
        ("Depuis quelle année la communauté construit-elle des services ?", "date"),
        ("quelles etaient les dates de la campagne 2023", "date"),
        ("Quelle est la date limite de dépôt ?", "date"),
        ("What is the deadline for every municipality to be connected?", "date"),  # not a definition
        ("date limite dépôt dossier", "date"),
        # how long after a deadline: a duration, not a date
        ("Pendant combien de temps faut-il conserver la version imprimée des mandats après leur échéance ?", "number"),
        ("Quel est le moyen le plus simple pour télédéclarer quand on utilise un logiciel ?", "other"),
        ("un restaurant doit-il quand même télédéclarer ?", "other"),
        ("Quel montant le syndicat verse-t-il à la ressourcerie ?", "money"),
        ("Combien coûte le raccordement ?", "money"),
        ("De combien d'argent est doté le fonds forêt ?", "money"),  # a sum, not a count of « argent »
        ("Combien de millions d'euros vont aux haies ?", "money"),  # nor of « millions »
        ("Combien de milliers de logements sont concernés ?", "number"),
        ("ça coûte combien une analyse au labo ?", "money"),  # the spoken order
        ("Comment l'examinateur doit-il l'indiquer sur la fiche ?", "procedure"),  # how: its steps
        ("How do I register my activity?", "procedure"),
        ("Comment le guide définit-il un tiers-lieu ?", "definition"),  # how a text defines: a definition
        ("What is the annual budget of the plan?", "money"),
        ("budget prévention déchets 2022", "money"),
        ("Combien de salariés emploie la ressourcerie ?", "number"),
        ("Quel pourcentage de produits bio les cantines servent-elles ?", "percent"),
        ("What is the rate of unemployment?", "percent"),
        ("Quel est le numéro de téléphone de l'assistance ?", "contact"),
        ("c'est combien en gros le prix du MWh de chaleur ?", "money"),  # colloquial: a price asked with "combien"
        ("c'est quoi le montant du plan d'action pour l'ESS", "money"),  # colloquial: « c'est quoi le montant », not a definition
        ("c'est quoi le taux de TVA des abonnements", "percent"),
        ("c'est combien exactement le taux de la contribution ?", "percent"),  # as « c'est combien en gros le prix »
        ("c'est quoi la part des femmes dans l'ESS ?", "number"),
        ("Combien de projets ont reçu un prix ?", "number"),  # a count of projects (an award is no price)
        ("adresse mail du service déchets", "contact"),
        ("nombre salariés ESS Lyon", "number"),  # keywords: a count asked for by its noun
        ("domifa nombre de personnes domiciliées", "number"),  # keywords: the noun of the figure wherever it stands
        ("taux contribution employeurs minimum maximum", "percent"),
        ("conseil de l'ESS strasbourg coût fonctionnement annuel", "money"),
        ("rôle du conseil de l'ESS", "other"),  # keywords without a figure's noun
        ("Qu'est-ce qu'une SCIC ?", "definition"),
        ("c'est quoi le PTCE", "definition"),
        ("What is the ESS Nantes Factory?", "definition"),
        ("c'est quoi en gros les leviers des métropoles", "list"),
        ("Quels étaient les axes de travail du groupe ?", "list"),
        ("What are the steps to declare?", "list"),
        ("Quelles conditions un réseau doit-il remplir pour être classé ?", "list"),  # « quels » and a plural noun
        ("Pour quelles raisons certaines collectivités n'ont-elles pas classé leur réseau ?", "list"),
        ("Quel type de contrat lie la collectivité au délégataire ?", "other"),  # one thing
        ("c'est quoi le site pour voir s'il y a un réseau près de chez moi", "other"),  # a thing told by its use
        ("What is the role of the elected official?", "other"),
        ("Qui pilote le Parcours ADRESS ?", "person"),
        ("c'est qui qui a fait l'évaluation ?", "person"),
        ("le réseau de Lyon, faut appeler qui pour se raccorder ?", "person"),
        ("Je prépare l'évaluation : par qui a-t-elle été réalisée ?", "person"),
        ("Un remblai qui soustrait 2 000 m² relève de quel régime ?", "threshold"),  # a relative « qui » asks for no one
        ("y a beaucoup de réseaux qui font payer le raccordement ?", "other"),
        ("Un curage de 1 500 m3 est-il soumis à déclaration ?", "threshold"),  # a figure stated, to compare with thresholds
        ("À partir de quel seuil de population un barrage doit-il être autorisé ?", "number"),  # a threshold is a figure
        ("quelle est l'adresse de bordeaux metropole", "address"),
        ("Quelle est l'adresse à laquelle envoyer le dossier ?", "address"),
        # the verb: what the manager sends, no address
        ("Quelle est la formule de la facture que le gestionnaire du réseau adresse à l'abonné ?", "other"),
        ("Où se trouvent les locaux du RTES ?", "place"),  # a town answers « où », not « quelle adresse »
        ("Combien de remblais de 2 000 m² ont été autorisés ?", "number"),  # ... unless the question asks for another type
        ("Quelle doit être la durée minimale d'une séance de suivi ?", "number"),  # « quel est » with a modal
        ("Quel doit être le montant de la cotisation ?", "money"),
        ("Quels peuvent être les motifs de refus ?", "list"),
        ("Quelle est l'adresse électronique du service ?", "contact"),  # an e-mail, not a postal address
    ],
)
def test_question_types(question, kind):
    """« quand » asks for a date only where it opens or closes the question, « qui » for a person only where
    it asks (not the relative pronoun); a sum of money is asked as such."""
    assert question_type(question) == kind


def test_names_start_words_and_codes_are_not_counts_nor_sums():
    assert proper_names("Qui a créé le PTCE Les écoNautes à Rennes ?") == ["PTCE", "Les", "Rennes"]
    assert proper_names("L’Anah finance-t-elle les SCIC ?") == ["Anah", "SCIC"]  # a first word's name, after its article
    assert proper_names("L'association finance-t-elle les SCIC ?") == ["SCIC"]
    # an acronym opens a keyword query (« ADEME rôle plan … » was answered from a speech that never names the ADEME);
    # a question typed all in capitals does not make its first word a name
    assert proper_names("ADEME rôle plan transformation écologique État") == ["ADEME", "État"]
    assert proper_names("QUEL EST LE BUDGET") == ["EST", "LE", "BUDGET"]
    assert number_runs("site de Via Sèva5, charges (R24), 1 200 hab./km2 et 12 %") == ["1 200", "12"]
    assert all(holds_money(text) for text in ("20 000€ par an", "1,7 millions d’euros", "10 000 euros", "35 k€"))
    assert not any(holds_money(text) for text in ("20 collectifs en 2019", "12 salariés", "une baisse de 9 %"))


def test_grouped_digits_make_one_word_but_never_a_year():
    """'1 898 950' is one word, as typed '1898950'; '2 023 nouveaux emplois' is a count, not the year 2023, which a
    question naming 2023 must not find in the corpus."""
    from ingest.french import folded_content_words

    assert "1898950" in folded_content_words("1 898 950 habitants")
    assert "2023" not in folded_content_words("Entre 2015 et 2018, 2 023 nouveaux emplois ont été créés")
    assert "2018" in folded_content_words("Entre 2015 et 2018, 2 023 nouveaux emplois ont été créés")


def test_list_and_section_numbers_are_not_counts():
    """A list item's number ('2. Quels produits', '... existante 3. Réaliser') or a section's ('4.2.2') answers no
    "combien"; a sentence that ends on a count ('passé à 22. Elles') still does."""
    items = "Vous devrez : 1. Disposer d'un compte 2. Créer votre cantine 3. Réaliser le bilan (sur l'année n+1)"
    assert quantity_runs(items) == []
    assert split_sentences(items) == ["Vous devrez :", "1. Disposer d'un compte", "2. Créer votre cantine", "3. Réaliser le bilan (sur l'année n+1)"]
    for heading in ("2. Quels produits comptent ?", "2/ Cas du raccordement gratuit", "• 3) Les obligations", "4.2.2 Proximité d'un réseau", "cas mentionnés : 1/ Cas où"):
        assert quantity_runs(heading) == [], heading
    # under a part in roman numerals, or before a spaced dash: « X.1 - Les REGAL » answered « combien de réseaux REGAL »
    for heading in ("X.1 - Les REGAL", "IV.2. Les acteurs", "2.1 – Méthode", "1 - Introduction"):
        assert quantity_runs(heading) == [], heading
    assert quantity_runs("Il y a 12 - 14 réseaux, soit 40 réseaux") == ["12", "14", "40"]
    assert quantity_runs("Le nombre est passé à 22. Elles sont 15 en 2019") == ["22", "15", "2019"]
    assert quantity_runs("2/ Cas du raccordement : 12 réseaux sur 4.2 km") == ["12", "4.2"]
    # a date's day, a note's call and a number that names are no counts either
    assert quantity_runs("CHAMP D’ACTION #3 Accès au foncier, loi n° 12, article nº 4") == []
    assert quantity_runs("des capteurs relevant les données 24h/24, un accueil 7j/7") == []  # all the time, not a count
    # references name: an article of a code, a decree's number, an annex, a rubric's code; a range still counts
    references = "l'article R. 214-1, les articles L. 2111-1 à L. 2152-1, le décret n°2020-828, le règlement n°2019/624, l'annexe 3, l'axe 1, la rubrique 2.1.5.0 (cf. p. 17)"
    assert quantity_runs(references) == []
    assert quantity_runs("h.7 Difficulté de mise en œuvre ; voir a.1 et b.2") == []  # an item's code
    # a law's ordinals (« 2° La concertation … ; 3° La territorialisation … ») answered « combien d'entreprises »; degrees count
    assert quantity_runs("1° Les modalités de gouvernance ; 2° La concertation ; 3º La territorialisation") == []
    assert quantity_runs("à 55 °C, puis à 60°C") == ["55", "60"]
    assert quantity_runs("de 10-15 salariés, entre 2015 et 2020, les 3 phases, en 2 étapes") == ["10", "15", "2015", "2020", "3", "2"]
    # (« INNOTROPHES 2019 »: a number after a word in capitals names the event's edition, as « la COP 21 » does)
    assert quantity_runs("[1] INNOTROPHES 2019, CCI Grenoble (consulté le 26 avril 2019), le 1er mai : 12 salariés") == ["2019", "12"]
    # a date in figures and a reference code count nothing: « combien d'annexes » is not answered by the note's header
    header = "Instruction technique DGAL/SDSSA/2021-555 16/07/2021 abroge : DGAL/SDSSA/2019-446 du 12.06.2019, valable 07/2025"
    assert quantity_runs(header) == []
    assert counts("Nombre d'annexes : 9, pour 1/3 des 12 000 salariés le 01/03/26") == ["9", "1", "3", "12 000"]


def test_a_definition_is_a_defining_verb_colon_or_gloss_right_after_the_word():
    from ingest.french import defines

    words = folded_content_words("Qu'est-ce qu'une CJS ?")
    assert defines("Une CJS est une coopérative éphémère", words)
    assert defines("La CJS (coopérative jeunesse de services) reçoit une subvention", words)
    assert defines("ESS Nantes Factory : fonds d'amorçage", folded_content_words("What is the ESS Nantes Factory?"))
    assert defines("L'insertion par l'activité économique a pour objet de permettre", folded_content_words("Qu'est-ce que l'insertion par l'activité économique ?"))
    assert not defines("les jeunes de la CJS se sont partagé les bénéfices", words)
    assert not defines("La CJS loue ses services aux habitants", words)  # an acronym acts: it stands for its definition
    camino = folded_content_words("Qu'est-ce que Camino ?")
    assert defines("Camino ouvre le cadastre minier pour mieux gérer les projets", camino)  # what a named product does
    assert not defines("Mieux connaître chaque projet avec la fiche Camino.", camino)
    assert not defines("Camino est accessible partout", camino)  # a verb of the stop list says nothing it does
    assert not defines("La CJS est régie par ses statuts", words)  # a passive, no definition
    assert question_content("Que signifie le sigle EGalim ?") == "qu'est-ce que EGalim ?"


@pytest.mark.parametrize(
    "question, read",
    [
        ("signification sigle UIOM", "qu'est-ce que UIOM"),
        ("Quelle est la signification du sigle UIOM ?", "qu'est-ce que UIOM ?"),
        ("abréviation ETP", "qu'est-ce que ETP"),
        ("signification d'EnR&R", "qu'est-ce que EnR&R"),
        ("signification du terme « venaison »", "qu'est-ce que « venaison »"),
        # no meaning asked: the noun opens no term in capitals or quoted
        ("La signification de ce résultat est-elle claire ?", "La signification de ce résultat est-elle claire ?"),
        ("sigles utilisés dans les annexes", "sigles utilisés dans les annexes"),
    ],
)
def test_a_meaning_asked_with_a_noun_is_a_definition(question, read):
    """« signification sigle UIOM » (keywords) was no definition question: answered with a line that only uses the
    acronym, the glossary that spells it out ranked seventh."""
    assert question_content(question) == read
    assert (question_type(read) == "definition") == (read != question)


def test_a_label_defines_after_a_notes_number_and_a_complement_does_not():
    """A footnote's or an item's number before a label (« 4 repas de chasse : ») leaves it a label; a word after
    « de » that follows another noun is that noun's complement: what the verb says is not of it."""
    from ingest.french import defines

    hunt_meal = folded_content_words("Qu'est-ce qu'un repas de chasse ?")
    assert defines("4 repas de chasse : repas organisé, en dehors de l'usage domestique privé", hunt_meal)
    assert defines("2 venaisons : on considère comme « venaisons » des carcasses de gibier", {"venaisons"})
    assert not defines("la destination des venaisons correspond à une destination autorisée", {"venaisons"})
    assert defines("Les venaisons correspondent aux carcasses de gibier", {"venaisons"})


@pytest.mark.parametrize(
    "question, content, defined",
    [
        ("Comment l'instruction définit-elle un repas de chasse ?", "qu'est-ce que repas de chasse ?", {"repas", "chasse"}),
        ("Qu'est-ce que l'instruction appelle des « venaisons » ?", "qu'est-ce que « venaisons » ?", {"venaisons"}),
        ("Qu'appelle-t-on une SCIC ?", "qu'est-ce que SCIC ?", {"scic"}),
        ("qu'entend-on par bâtiment neuf", "qu'est-ce que bâtiment neuf", {"batiment", "neuf"}),
        # the document named as the source is not searched (« dans la note »)
        ("Qui est désigné par le terme « examinateur » dans la note ?", "qu'est-ce que « examinateur » ?", {"examinateur"}),
    ],
)
def test_a_text_that_calls_or_defines_a_word_asks_for_its_definition(question, content, defined):
    """« comment X définit-il », « qu'appelle-t-on », « qu'entend-on par », « le terme « … » »: the words that ask
    for a meaning are no content, and a quoted term is what is to be defined (even after « qui »)."""
    from ess_qa.questions import defined_words

    read = question_content(question)
    assert read == (content or question)
    assert question_type(read) == "definition"
    assert defined_words(read) == defined


def test_words_that_lost_their_spaces_are_never_an_extract():
    """pypdf may read a footnote without its spaces; a name in CamelCase or a long French word is no such text."""
    from ingest.french import words_run_together

    assert words_run_together("7 L’authentificationcomportementaleestunetechnologiemoinsmaturequelabiométrieparexemple.")
    assert not words_run_together("Classe mère de: | Conteneur NoeudReseau ProtectionInondationSubmersion Troncon")
    assert not words_run_together("Une phrase où anticonstitutionnellement tient en un mot.")


def test_negated_words_are_those_after_non():
    from ingest.french import negated_words

    assert negated_words("la traçabilité des déchets non dangereux") == ["dangereux"]
    assert negated_words("les rendez-vous non-honorés, non sans peine") == ["honorés", "sans"]
    assert negated_words("le nombre de structures") == []


def test_a_count_in_words_counts_the_noun_after_its_adjective():
    """« nombre films tuto … » got no extract: « La série de sept courts films » counted « courts »."""
    from ess_qa.evidence import spelled_counted, type_matches

    assert "films" in spelled_counted("La série de sept courts films est accessible depuis l'outil.")
    assert type_matches("La série de sept courts films est accessible.", "number", {"films", "tuto"}, "count", "films")
    assert not type_matches("La série de courts films est accessible.", "number", {"films", "tuto"}, "count", "films")


def test_a_verbs_negation_negates_the_rest_of_its_clause():
    """« Ne font pas partie des dépenses éligibles … » answers « dépenses non éligibles » (it was refused as saying
    « éligibles », the opposite): the words after a verb's negation in its clause are not said either."""
    from types import SimpleNamespace

    from ess_qa.answering import opposite_words
    from ingest.french import words_after_negation

    assert words_after_negation("Les déchets ne sont plus collectés le lundi. Le mardi, si.") == ["collectés", "le", "lundi"]
    assert words_after_negation("Ne font pas partie des dépenses éligibles : le terrain")[-1] == "éligibles"
    assert words_after_negation("Les dépenses éligibles sont listées.") == []
    question = "Quelles dépenses non éligibles ?"
    analyzer = SimpleNamespace(analyzer="prefix5")  # what opposite_words reads of a store
    assert opposite_words(analyzer, question, "Ne font pas partie des dépenses éligibles à un financement : l'acquisition de terrain") == []
    assert opposite_words(analyzer, question, "Sont éligibles les dépenses de personnel et de formation.") == ["non éligibles"]


def test_an_acronym_is_defined_where_its_words_come_before_it_in_parentheses():
    from ingest.french import defines

    qpv = folded_content_words("Que veut dire QPV ?")
    assert defines("Les 1 514 quartiers prioritaires de la politique de la ville (QPV) se caractérisent", qpv)
    assert defines("un schéma de promotion des achats socialement et écologiquement responsables (SPASER)", folded_content_words("SPASER ?"))
    assert defines("en chaleur et en eau chaude sanitaire (ECS) chacun des appartements", folded_content_words("c'est quoi l'ECS"))
    assert not defines("la Métropole de Lyon (QPV)", qpv)  # initials that spell another word
    assert not defines("Développer l'ESS dans les QPV : opportunités et outils", qpv)  # a colon after a title's last word
    assert defines("QPV : quartiers prioritaires de la politique de la ville", qpv)  # ... and after a label
    assert defines("Définition des QPV : quartiers prioritaires de la politique de la ville", qpv)
    mel = folded_content_words("c'est quoi la MEL")
    assert not defines("Appel à projets « Entreprendre autrement avec la MEL » (2015 - 2020)", mel)  # dates, no gloss
    assert defines("La Métropole européenne de Lille (MEL) définit l'ESS", mel)
    from ingest.french import acronyms_spelled_out

    spelled = acronyms_spelled_out("les métropoles et les établissements publics de coopération intercommunale (EPCI) ; en 2020 (COVID)")
    assert spelled == {"EPCI": "etablissements publics de cooperation intercommunale"}  # not from 'métropoles'; COVID spells nothing here
    # an elided article (« d' », « l' ») gives no letter
    spelled = acronyms_spelled_out("Les structures d’insertion par l’activité économique (SIAE) relèvent de l’ESS.")
    assert spelled == {"SIAE": "structures d insertion par l activite economique"}


def test_a_list_of_acronyms_spells_each_out():
    """A glossary's acronym followed by its words, as pypdf reads a page of them: each word's initial gives a letter
    in order, one word at most giving none; an acronym followed by other capitalised words spells nothing."""
    from ingest.french import acronyms_spelled_out, spells_out

    glossary = (
        "Acronymes CNIG Conseil National de l'Information Géographique DAO Dessin Assisté par Ordinateur "
        "DT-DICT Déclaration de Travaux – Déclaration d'Intention de Commencement de Travaux GML Dialecte du langage XML"
    )
    assert acronyms_spelled_out(glossary) == {
        "CNIG": "conseil national de l information geographique",
        "DAO": "dessin assiste par ordinateur",
        "DT-DICT": "declaration de travaux declaration d intention de commencement de travaux",
    }
    assert acronyms_spelled_out("Le RTES Réseau des collectivités Territoriales pour une Economie Solidaire") == {
        "RTES": "reseau des collectivites territoriales pour une economie solidaire"
    }
    assert acronyms_spelled_out("selon la CCI Paris Ile-de-France et la DREAL Occitanie") == {}
    # the most common glossary of all: « SIGLE : ses mots », one a line
    assert acronyms_spelled_out("TVA : Taxe sur la Valeur Ajoutée \nUIOM : Usine d’Incinération des Ordures Ménagères \nNB : voir page 3") == {
        "TVA": "taxe sur la valeur ajoutee",
        "UIOM": "usine d incineration des ordures menageres",
    }
    assert spells_out(glossary, {"dt", "dict"}) and not spells_out(glossary, {"dt"})


def test_an_acronym_spelled_out_in_brackets_after_it_or_by_a_long_gloss():
    """« les CEE (certificats d'économie d'énergie) »: the words in brackets after an acronym spell it out, in lower case
    too; a bracket that does not (« le PLU (voir page 12) ») spells nothing. A long acronym's gloss may hold a word more
    that gives no letter (« producteurs/consommateurs » in CREAMAP's), a short one's not."""
    from ingest.french import acronyms_spelled_out, defines

    assert acronyms_spelled_out("celui des CEE (Certificats d’Economie d’Energie) qui") == {"CEE": "certificats d economie d energie"}
    assert acronyms_spelled_out("les PME (petites et moyennes entreprises) du territoire") == {"PME": "petites et moyennes entreprises"}
    assert acronyms_spelled_out("le PLU (voir page 12) et le SCOT (2019)") == {}
    gloss = "CREAMAP Centre de Ressources pour l'Essaimage des Associations producteurs/consommateurs pour le Maintien de l'Agriculture Paysanne identifie les acteurs"
    assert acronyms_spelled_out(gloss) == {
        "CREAMAP": "centre de ressources pour l essaimage des associations producteurs consommateurs pour le maintien de l agriculture paysanne"
    }
    assert defines(gloss, {"creamap"})
    # a heading in capitals before the glossed acronym is no part of it
    assert acronyms_spelled_out("Présentation de CREAMAP " + gloss) == acronyms_spelled_out(gloss)
    assert acronyms_spelled_out("ANNEXE DAO Dessin Assisté par Ordinateur") == {"DAO": "dessin assiste par ordinateur"}
    assert acronyms_spelled_out("la MEL Métropole grande européenne ville de Lille") == {}  # three letters: one word without a letter at most


def test_a_list_question_is_answered_by_a_lead_in_or_a_listing_line():
    words = folded_content_words("Quels sont les principes de l'ESS ?")
    assert type_matches("Toutes les entreprises de l’ESS doivent respecter les principes suivants :", "list", words)
    assert type_matches("cinq domaines prioritaires : – Les services à la personne – Les déchets", "list", words)
    assert type_matches("Le forfait social comprend toutes les cotisations : > maladie-maternité ; > retraite", "list", words)
    assert type_matches("Un outil de prise de RDV en ligne : → rappels email/sms ; → annulation en ligne", "list", words)
    # items run on after the colon, two separators or more
    assert type_matches("Les données accessibles sont : le répertoire des associations, le répertoire SIRENE, les attestations", "list", words)
    assert not type_matches("des sociétés qui respectent plusieurs principes, présentés ci-dessous.", "list", words)
    assert not type_matches("Une précision : le principe s'applique aussi aux coopératives.", "list", words)


def test_an_address_or_a_phone_number_counts_nothing():
    """A postal box, a street number, a postcode after a street or before 'Cedex' (also in two groups: « 75 013 Paris »),
    a phone: they locate, and answer no « combien » (« Combien de métropoles … ? » got an address line)."""
    for contact in ("BP 231 63007 Clermont-Ferrand Cedex 1", "CS 30151 - 35031 Rennes", "Tél. : 04 73 98 34 00", "+33 1 23 45 67 89",
                    "Adresse : 15-19 avenue Pierre Mendès-France,\n75 013 Paris"):
        assert quantity_runs(contact) == [], contact
    assert quantity_runs("3 rue de la Paix 75002 Paris : 120 salariés") == ["120"]
    assert counts("La métropole compte 75 013 habitants, 12 rues piétonnes et 3 places de parking.") == ["75 013", "12", "3"]
    assert counts("En 2019, 12500 Salariés et 35000 emplois") == ["2019", "12500", "35000"]  # a table's count, capitalised
    # a postcode before its town in capitals, as the post writes it, with no street before (a booklet's table of offices)
    assert counts("Le SAD de Commercy : SAD Soins | SAD Aides\n55200 COMMERCY | 55000 SAVONNIERES DVT BAR") == []
    assert counts("Siège : 93500 PANTIN ; 22 APC et 1250 Bénévoles") == ["22", "1250"]


def test_a_rate_asks_for_a_percentage_and_a_phone_for_a_contact():
    words = folded_content_words("Quel pourcentage de produits bio ?")
    assert type_matches("Les produits bio représentent 20 % des achats", "percent", words)
    assert not type_matches("2. Quels produits comptent comme durables : 3 catégories", "percent", words)
    assert type_matches("Assistance : 01 23 45 67 89 ou support@exemple.fr", "contact", set())
    assert type_matches("Voir le site ma-cantine.agriculture.gouv.fr", "contact", set())
    assert not type_matches("Le numéro SIRET permet d'identifier votre établissement.", "contact", set())


def test_english_names_are_runs_of_capitalised_words():
    """English capitalises common words ("French"): its names are two capitalised words or more."""
    assert name_runs("What is the annual budget of Orléans Métropole?") == ["Orléans Métropole"]
    assert name_runs("How much did the European Metropolis of Lille spend?") == ["European Metropolis of Lille"]
    assert name_runs("Which French cities are members of the network?") == []


def test_an_english_question_on_a_place_the_answer_page_lacks_is_refused(assistant):
    assert not assistant.ask("How much does Orléans Métropole spend each year on the social economy?").found
    assert assistant.ask("Which French metropolises have an elected official in charge of the social economy?").found


# A note on a heating network that mentions the cold of winter, never a cooling network.
NETWORK_PAGES = (
    """Le réseau de chaleur de Val d'Ardoise

Le réseau de chaleur dessert 4 000 logements et les écoles de la commune depuis 1985. Il est alimenté
par une chaufferie au bois qui brûle des plaquettes forestières locales.""",
    """Le raccordement d'un immeuble

Pour raccorder un immeuble au réseau de chaleur, le syndic demande une étude de faisabilité à
l'exploitant, puis fait voter les travaux de la sous-station en assemblée générale.""",
    """Les aides au raccordement

Le raccordement d'un immeuble au réseau est aidé par le fonds chaleur ; chaque immeuble raccordé
reçoit aussi un diagnostic gratuit de ses installations de chauffage.""",
    """Les immeubles raccordés

En 2023, 120 immeubles étaient raccordés au réseau, dont 40 immeubles de logement social ; le
raccordement d'un immeuble prend six mois en moyenne.""",
    """La consommation du réseau

Plus l'hiver est froid, plus les logements consomment de chaleur : les consommations sont corrigées
des rigueurs du climat avant d'être comparées d'une année sur l'autre.""",
)


@pytest.fixture(scope="module")
def network(tmp_path_factory) -> Assistant:
    folder = tmp_path_factory.mktemp("network")
    (folder / "reseau.txt").write_text("\f".join(NETWORK_PAGES), encoding="utf-8")
    build(folder, folder / "index")
    return Assistant.load(folder / "index")


def test_a_neighbouring_kind_of_network_is_not_answered(network):
    """A heating network's note asked about a cooling network: its line on connecting to the heating one does not answer."""
    answer = network.ask("Comment raccorder un immeuble à un réseau de froid ?")
    assert answer.found is False and answer.snippet is None
    answer = network.ask("Comment raccorder un immeuble au réseau de chaleur ?")
    assert answer.found and "syndic" in answer.snippet


def test_a_complement_shown_without_its_head_does_not_answer_for_the_phrase(network):
    """The line on the winter's cold, under a heading on the heating network, names no 'réseau de froid'."""
    from ess_qa.answering import Snippet, place_terms, place_text, unspecified_heads

    store = network.store
    weather = next(u for p in range(len(store.chunks)) for u in store.units(p) if "hiver est froid" in u.text)
    connecting = next(u for p in range(len(store.chunks)) for u in store.units(p) if "raccorder un immeuble" in u.text)

    def unspecified(question: str, unit) -> list[str]:
        snippet = Snippet(unit.text, network.search(unit.text, k=1)[0], 1.0, unit)
        place = place_text(store, snippet)
        return unspecified_heads(store, question, snippet, place, place_terms(store, snippet, place))

    for unit, expected in ((weather, ["réseau froid"]), (connecting, ["réseau froid"])):
        assert unspecified("Comment raccorder un immeuble à un réseau de froid ?", unit) == expected
    assert unspecified("Comment raccorder un immeuble au réseau de chaleur ?", connecting) == []
    # a capitalised head that ends a name of several words is the name's (« les sessions Innov' Ton Stage de décembre 2020 »
    # was refused as « not about: Stage décembre »): its complement says no kind of it
    assert unspecified("Comment raccorder un immeuble au Grand Réseau de froid ?", connecting) == []


SIGNS_TOPICS = ("le sommeil et les rêves", "la marche et le sport", "les repas pris en famille", "le travail scolaire", "les amis et les sorties", "le poids et la croissance")
SIGNS_PAGES = (
    "Repérer un trouble alimentaire\n\nLes signes impliquant une prise en charge spécialisée d'emblée sont les suivants :\n"
    "• une variation du poids de plus de 1 kg par semaine depuis quelques semaines ;\n• un IMC bas ;\n• des vomissements répétés.",
    *(
        f"Consultation sur {topic}\n\nLe médecin relève les signes que la famille observe sur {topic}, puis il décide d'une prise en "
        f"charge spécialisée d'emblée ou d'un suivi simple. Les signes qu'il retient sur {topic} sont écrits au dossier."
        for topic in SIGNS_TOPICS
    ),
    "Urgences\n\nLa gravité d'un accident est évaluée par le service d'urgence, qui oriente le patient vers le bon service de l'hôpital.",
)


def test_a_list_announced_names_the_kind_of_its_items_as_it_will(tmp_path):
    """« Quels signes de gravité … ? » was refused as « not about: signes gravité »: the line that announces the list (« Les
    signes impliquant une prise en charge spécialisée d'emblée sont les suivants : ») names its items' kind without the
    complement, a rarer word of the corpus. A list question's head, the kind of the items, is what such a line gives."""
    from ess_qa.answering import Snippet, place_terms, place_text, unspecified_heads

    (tmp_path / "guide.txt").write_text("\f".join(SIGNS_PAGES), encoding="utf-8")
    build(tmp_path, tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    store = assistant.store
    announcing = next(u for p in range(len(store.chunks)) for u in store.units(p) if u.text.startswith("Les signes impliquant"))
    question = "Quels signes de gravité imposent une prise en charge spécialisée d'emblée ?"
    asked = assistant._retrieve_profiled(assistant.view(), [question], 5, None)[1][0]
    snippet = Snippet(announcing.text, assistant.search(announcing.text, k=1)[0], 1.0, announcing)
    place = place_text(store, snippet)
    held = place_terms(store, snippet, place)
    assert unspecified_heads(store, question, snippet, place, held, asked=asked) == []
    # read as no list question, the same line is about signs, of no gravity
    assert unspecified_heads(store, question, snippet, place, held) == ["signes gravité"]


def test_the_corpus_subject_shown_without_its_head_still_answers(network):
    """'chaleur' is in most of the note's passages: a line on the heat consumed, under a heading on the
    network, answers for the 'réseau de chaleur' (a subject of the corpus is no other kind of network)."""
    answer = network.ask("Comment les consommations du réseau de chaleur sont-elles corrigées ?")
    assert answer.found and "rigueurs du climat" in answer.snippet, answer.snippet


def test_a_word_in_a_third_of_the_passages_is_a_subject_not_a_detail(network):
    from ess_qa.answering import _more_specific
    from ingest.french import search_terms

    store = network.store
    (network_term,), (heat,), (cold,) = (search_terms(w, store.analyzer) for w in ("réseau", "chaleur", "froid"))
    assert not _more_specific(store, "le réseau de chaleur ?", network_term, heat)  # in 4 of the 5 pages
    assert _more_specific(store, "le réseau de froid ?", network_term, cold)  # in 1


def test_a_list_answers_a_question_on_things_of_a_kind_when_it_names_them():
    """« Quels types d'établissements … » : a lead-in that announces establishments answers, one that announces
    other things (« Trois types d'informations : ») holds a list but not of what is asked."""
    import numpy as np

    from ess_qa.evidence import FEATURES, QuestionProfile, unit_features
    from index.store import Unit
    from ingest.french import folded_content_words, search_terms

    question = "Quels types d'établissements sont concernés ?"
    terms = search_terms(question)
    asked = QuestionProfile(terms, np.ones(len(terms)), set(folded_content_words(question)), "list", np.zeros(4), frozenset(search_terms("établissements")))

    def unit(text: str) -> Unit:
        return Unit(0, 0, text, np.zeros(4), frozenset(search_terms(text)), frozenset(folded_content_words(text)), frozenset(), frozenset())

    kind = FEATURES.index("type")
    assert unit_features(asked, unit("Sont concernés les établissements suivants :"))[kind] == 1.0
    assert unit_features(asked, unit("Trois types d’informations :"))[kind] == 0.0


@pytest.mark.parametrize(
    "question, defined",
    [
        ("c'est quoi une nappe de câbles dans le standard StaR-DT ?", {"nappe", "cables"}),
        ("What does a 'zone de vigilance' mean in the StaR-DT standard?", {"zone", "vigilance"}),
        ("Qu'est-ce que la CJS ?", {"cjs"}),
        ("Qu'est-ce que le classement d'un réseau de chaleur ou de froid ?", {"classement", "reseau", "chaleur", "froid"}),
    ],
)
def test_a_definition_question_asks_to_define_its_subject_not_where_it_is_used(question, defined):
    """« … dans le standard StaR-DT » says where the term is used: a line that defines the standard does not answer."""
    import numpy as np

    from ess_qa.evidence import QuestionProfile
    from ess_qa.questions import defined_words
    from ingest.french import folded_content_words

    assert defined_words(question) == defined
    asked = QuestionProfile([], np.zeros(0), set(folded_content_words(question)), "definition", np.zeros(4), defined=frozenset(defined))
    if "StaR-DT" in question:
        assert not asked.answered_by("Le StaR-DT est un géostandard de description simplifiée des réseaux.")


def test_a_figure_for_another_year_than_the_one_asked_is_not_answered(plan):
    """The document gives the 2023 result (against 2020), and mentions 2022 elsewhere: asked for 2022, it does not say."""
    answer = plan.ask("Quelle baisse des ordures ménagères résiduelles le bilan annuel de 2022 montre-t-il ?")
    assert answer.found is False and answer.snippet is None and answer.passages
    answer = plan.ask("Quelle baisse des ordures ménagères résiduelles le bilan annuel de 2023 montre-t-il ?")
    assert answer.found and "9 %" in answer.snippet
    from types import SimpleNamespace

    from ess_qa.answering import other_years

    snippet = SimpleNamespace(unit=SimpleNamespace(section_words=frozenset({"bilan", "2024"})))
    assert other_years("le bilan de 2022 ?", snippet, "En 2023, une baisse de 9 % par rapport à 2020.") == ["2022"]
    assert other_years("entre 2020 et 2022 ?", snippet, "En 2021, le plan vise une baisse de 15 %.") == []  # within the span
    assert other_years("le bilan de 2024 ?", snippet, "Une baisse de 9 %.") == []  # the section's year, for a line without one
    assert other_years("le bilan de 2024 ?", snippet, "En 2023, une baisse de 9 %.") == ["2024"]  # the line's own year first
    # a year the context tells before the question is no year asked (« … notre PLUi, approuvé en 2015. Quel objectif … ? »)
    assert other_years("Notre PLUi a été approuvé en 2015. Quel objectif de réduction doit-il prévoir ?", snippet, "Un objectif de 33 % depuis 2021.") == []
    no_year = SimpleNamespace(unit=SimpleNamespace(section_words=frozenset({"bilan"})))
    assert other_years("le bilan de 2022 ?", no_year, "Une baisse de 9 %.") == []  # a place without a year
    # a schedule's dates with two-digit years name their years: the 2026 instalments are about 2026
    assert other_years("les échéances de 2026 ?", no_year, "MON509918 | 01/03/26 | 16 666,67 1 332,08") == []
    assert other_years("les échéances de 2027 ?", no_year, "MON509918 | 01/03/26 | 16 666,67 1 332,08") == ["2027"]


def test_years_are_read_from_four_digits_and_from_dates_with_two():
    from ingest.numbers import years

    assert years("signé le 01/09/31, revu en 2019 puis le 15/12/98") == ["2031", "2019", "1998"]
    assert years("le 01/08/2016, rubrique 3.2.7.0, page 1/2, 12/2025") == ["2016", "2025"]  # no two-digit year in these
    # a text's number opens with a year (« règlement n° 2018-06 »): no year; a span of years is two, an ISO date one
    assert years("le règlement 2018-06 abroge le règlement n° 99-01 ; décret n° 2020-828 du 30 juin 2020") == ["2020"]
    assert years("sur la période 2018-2020, mise à jour le 2019-06-15") == ["2018", "2020", "2019"]
    # a signed figure is no year (« Grigny (-6224) », a deficit of days); a prefix's dash may come before one
    assert years("celles d'Evry (-1844) et de Grigny (-6224), Savigny (+1059)") == [] and years("mi-2019") == ["2019"]


def test_a_number_glued_to_a_letter_opens_no_group_of_thousands():
    """« A4 210 297 » (a paper size, its width and height) made the word « a4210297 »: « … au format A4 ? » named nothing
    the corpus mentions."""
    from ingest.french import search_terms
    from ingest.numbers import join_number_groups

    assert join_number_groups("A4 210 297 42.25") == "A4 210297 42.25" and join_number_groups("soit 1 898 950 euros") == "soit 1898950 euros"
    assert "a4" in search_terms("A4 210 297 42.25 A5 148 210", "prefix5")


def test_a_line_mostly_of_sources_is_no_extract_but_for_where_or_how():
    """Notes' sources say where to read, not what; a line with a link in brackets, or a note that explains, still says something."""
    from ess_qa.answering import _answering
    from ingest.french import mostly_sources

    sources = "10 https://librairie.ademe.fr/recherche-et-innovation/6931-l-equipement-des-menages.html 11 https://librairie.ademe.fr/"
    assert mostly_sources(sources)
    assert mostly_sources("Source : https://www.statistiques.developpement-durable.gouv.fr/emissions-de-gaz-en-2022")
    assert not mostly_sources("La pression est donnée en bars (http://www.opengis.net/def/uom/UCUM/0/bar)")
    notes = "• 69 Observatoire national de l’ESS, d’après INSEE FLORES 2018 • 70 Les Maisons familiales rurales, « Chiffres et données 2019 » • 71 DARES, « L’IAE en 2020 »"
    assert mostly_sources(notes)
    assert not mostly_sources("69 Observatoire national de l’ESS, d’après INSEE FLORES 2018")  # one number: a line may open with a figure
    explains = (
        "73 Une filière REP repose sur le principe du « pollueur-payeur » : la responsabilité de la gestion des déchets issus "
        "d’un certain type de produits mis sur le marché revient aux « metteurs en marché ». • 74 Cartéco au 1er avril 2022"
    )
    assert not mostly_sources(explains)
    assert not _answering(None, "number")(sources)
    assert _answering(None, "contact")(sources) and _answering(None, "procedure")(sources)


def test_a_line_of_one_word_is_no_extract():
    """A field's name alone (« zonage_règlementaire », a line of a data dictionary) answers nothing; two words may."""
    from ess_qa.answering import _answering

    assert not _answering(None, "other")("zonage_règlementaire")
    assert _answering(None, "other")("Lambert 93")


def test_an_item_of_a_list_run_into_a_line_defines_its_label():
    from ingest.french import defines

    line = (
        "Ces notions sont définies dans la présente étude comme étant : - Usage personnel : qui est relatif à des "
        "personnes physiques. - Usage professionnel : tout ce qui n'est pas de l'usage particulier."
    )
    assert defines(line, {"usage", "professionnel"})
    assert not defines(line, {"physiques"})
    assert not defines("Les données électriques - Phase de fabrication", {"phase"})


STUDY_PAGE = (
    "Détection de l'espèce\n\n"
    + " ".join(f"Le suivi de la saison {year} a compté les passages sur les placettes du plateau, matin et soir." for year in range(2001, 2013))
    + " Une étude menée dans le centre de l'Espagne compare une estimation des effectifs par capture-marquage-recapture et par comptage."
    + " La capture-marquage-recapture donne 3,2 individus par hectare et le comptage 0,2 individu par hectare."
    + " Cette différence montre que la détection des individus reste imparfaite."
)


def test_a_chunks_first_line_reads_the_line_before_it_in_its_section(tmp_path):
    """A study named in one chunk (« Une étude menée dans le centre de l'Espagne … ») and its figures in the next (« … donne
    3,2 individus par hectare »): the figures' place reads the line before them, so a question on the Spanish study holds its
    terms there; a chunk of another section is not read."""
    from ess_qa.answering import Snippet, place_text

    (tmp_path / "etude.txt").write_text(STUDY_PAGE + "\f" + "Autre sujet\n\nLa densité donne 3,2 individus par hectare au nord.", encoding="utf-8")
    build(tmp_path, tmp_path / "index")
    assistant = Assistant.load(tmp_path / "index")
    store = assistant.store
    firsts = [store.units(p)[0] for p in range(1, len(store.chunks)) if store.units(p)]
    figures = next(u for u in firsts if "individus par hectare" in u.text and "Espagne" not in u.text)
    assert "Espagne" not in "".join(u.text for u in store.units(figures.position))  # the study is named in the chunk before
    snippet = Snippet(figures.text, assistant.search(figures.text, k=1)[0], 1.0, figures)
    assert "centre de l'Espagne" in place_text(store, snippet)
    other = next(u for u in firsts if u.text.startswith("La densité donne"))
    assert "Espagne" not in place_text(store, Snippet(other.text, assistant.search(other.text, k=1)[0], 1.0, other))
    answer = assistant.ask("Dans l'étude menée en Espagne, quelle densité a donné la capture-marquage-recapture ?")
    assert answer.found and "3,2 individus" in answer.snippet
