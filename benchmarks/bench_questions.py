"""Every question set of the project in one table: the bundled report's sets and each shared PDF's.

Usage: python benchmarks/bench_questions.py [--sets NAME ...] [--json OUT] [--rev REV] [--docs DIR ...]

- The bundled report: tests/data/{dev,heldout,unseen}.jsonl and benchmarks/questions/report-typed.jsonl,
  on an index of the corpus/ folder of the code measured.
- Each PDF of --docs (../shared/docs/) with its set of benchmarks/questions/ (see the README there):
  the PDF is copied, alone, into a temporary folder outside the project, and indexed there. A set
  whose PDF was fetched from a public repository (not a shared one) is measured when one of the
  --docs folders holds it, else skipped with where to fetch it.

Indexes are built by `ess-qa index` (defaults), and each set's questions answered by `ess-qa batch
--k 10`, in fresh processes of the code measured; the answers are scored here by ess_qa.evaluation
(the rule of `ess-qa eval`), so that two revisions are measured with one ruler. One row per set:
questions in scope and out of scope, hit@5, MRR@10, answer@1 (the snippet holds the evidence),
in-scope refused, out-of-scope refused; then one row per style when the set's questions have one.
A second table pools the sets of each group (POOLS: unseen documents, tuning documents, the bundled
report well-formed and as typed) over their questions, with a row per kind and per style, and says on how
many documents of each group 5 of 6 out-of-scope questions or more are refused (issue 13's targets).
Role "tuning": used to choose settings; "unseen": kept aside, never used to choose them. With --rev,
the same on that revision (a temporary git worktree, see paired.py), cells "this (REV)".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from paired import ROOT, build_seconds, checkout, cli, env_for, machine

sys.path.insert(0, str(ROOT))  # score with this checkout's ess_qa, whatever copy is installed

from ess_qa.config import EVAL_K  # noqa: E402
from ess_qa.evaluation import load_answers, load_questions, score  # noqa: E402
from ess_qa.types import Answer  # noqa: E402

DOCS = ROOT.parent / "shared" / "docs"
QUESTIONS = ROOT / "benchmarks" / "questions"
REPORT_SETS = ROOT / "tests" / "data"
TUNING, UNSEEN = "tuning", "unseen"
REPORT = "report"  # the document of the bundled report's sets
TYPED_REPORT = "report-typed"  # its questions asked as people type them (issue 13's targets apart)


@dataclass(frozen=True)
class QuestionSet:
    """A question file, the document it asks about, and whether it was used to choose settings."""

    name: str
    questions: Path
    role: str  # TUNING or UNSEEN (benchmarks/questions/README.md says why)
    pdf: str | None = None  # a PDF of --docs; None: the bundled report (corpus/ of the code measured)
    sha256: str | None = None  # of the PDF the questions were written against
    fetched: str | None = None  # where a PDF that is not a shared one comes from (repository@commit:path); skipped when absent

    @property
    def document(self) -> str:
        """The PDF's file name, or "report"."""
        return self.pdf or REPORT


# The PDFs that several sets ask about: (file name, sha256, where a fetched one comes from or None)
CANTINE = ("prise-en-main-ma-cantine-2026.pdf", "3c709bcf9b4852d177d9afe78356253483356854cff79f79feb9a4dae4a57215", None)
RACCORDEMENT = ("raccordement-coproprietes-2019.pdf", "9a81a795c426c54e4d23c25964dbf08513d4475899de209aa2e074ed07d285a6", None)
NOMENCLATURE = (
    "nomenclature-eau-iota-driee-2020.pdf", "3426ec4678041a55b8753968a153024564cefb8be4cd9dd0d83fe540e7a408ea",
    "MTES-MCT/envergo@a68d2e96c1dcc2d71e7054c5e3b5ab835b3b257b:envergo/static/pdfs/nomenclature_iota.pdf",
)
SERVICES = (
    "anct-services-numeriques-territoires.pdf", "18e6cfcedf7e95fa9463cb129f7f406e6fb14ad54e6dd7df9100c9357538cc54",
    "incubateur-territoires/incubateur.anct.gouv.fr@91f7e6b9c43598979977dbcc16d775e99df4a783:static/kitelus_def.pdf",
)
AUTO_ENTREPRENEUR = (
    "devenir-auto-entrepreneur-2020.pdf", "637c834f8accd7226206a7415910dd3e6e646dd7d0a3c4e12a339a9424806538",
    "betagouv/mon-entreprise@32cc9f1e3afcc149376ba24764080e25f5e58935:mon-entreprise/source/sites/mon-entreprise.fr/pages/Créer/Guide_Auto-Entrepreneur.pdf",
)
TRAJECTOIRE = (
    "trajectoire-snbc-territorialisee-epci-ademe-2024.pdf", "c07989b06cb13af08634d26c7916a30503451f1835f2005076e05e7ea96fa739",
    "incubateur-ademe/territoires-en-transitions@dbb36dc375c099ca71f1b6f85de76a3d6f80d51c:apps/app/public/ADEME-Methodo-Outil-trajectoire-reference_VF_Nov2024.pdf",
)
ANTI_GASPILLAGE = (
    "loi-anti-gaspillage-2020.pdf", "30fa821300971e1195e159dd3bf7139b8caa630786ef75c1ede5c8416bb55924",
    "betagouv/ma-cantine@04dddca907df745d27935bf3e6884b1396451fac:web/static/documents/Document_LoiAntiGaspillage__2020.pdf",
)
STAR_DT = (
    "geostandard-star-dt-2019.pdf", "e212e857fe31747b87102c04465f7f55c76ac6bf56ed93d0d9b5fc1d71ddcb8b",
    "incubateur-territoires/docs-pcrs-public@aa869ca5efe8e870c0698866f7f84d70d4fdeb3f:.gitbook/assets/CNIG_STAR-DT_v1.0.pdf",
)
GIBIER = (
    "instruction-dgal-gibier-sauvage-2021.pdf", "a32cd4f02309910befb23a6cc81bed59c81be652b26455720075a00665b47f81",
    "betagouv/zacharie@2f7d26df290908a6d9186d50f7077ccff125c1a2:doc/Instruction 2021-555_final.pdf",
)
HISTOLOGE = (
    "ami-histologe-2020.pdf", "b02fd99c839f99a8ec30e33e201b7bfe16bcc6e6b226695c48a14f7a94dd51cb",
    "incubateur-territoires/incubateur.anct.gouv.fr@fb5bc865f72070b7e50d5e170e49773012ca604b:static/pdf/AMI_Histologe_112020.pdf",
)
CNIL = (
    "cnil-securite-donnees-2023.pdf", "4f6a901a6c315f8308a502e021ddaea49464ea70a2114156ab8b0fe5a8fb8081",
    "betagouv/Aidants_Connect@dd5c25109c0d7e69e14df702cbe1ff6697b5851a:aidants_connect_web/static/guides_aidants_connect/cnil_guide_securite_des_donnees_personnelles-2023.pdf",
)
SYNDICATS = (
    "code-travail-syndicats-professionnels.pdf", "d43a7f6131705c72a3416e583acd521a707e6fc680e9bc6afc44ba1f970053d4",
    "paulinege/GEN_AI_Assistant_Juridique@3f01c650f657a9496478ee14d12127edf85cda16:data/Syndicats.pdf",
)
IMPACT_NUMERIQUE = (
    "evaluation-impact-environnemental-numerique-ademe-2025.pdf", "627a723ad43265f562d82bf872fa31a7b57b6a7811a301178cda9e0f8a10f7e1",
    "DISIC/MiNumEco@2abe6b44b37a91e3b64c4647749802177a945c47:public/docs/2024/etude-ademe-impacts-environnementaux-numerique.pdf",
)
ROB_CABESTANY = (
    "rob-2026-cabestany.pdf", "540c2c6741fca23d8720927410f7d83e1e2da597615200ff85a2701f38814670",
    "cabesavantout/cabesavantout.github.io@d37cac0993373453ee3e960964992e337d957861:data/20260216_Rapport-dorientations-budgetaires-2026.pdf",
)
MANDATAIRES = (
    "guide-enquete-mandataires-majeurs.pdf", "213c76b9afc82c1cbf46952f79ff58be86b641dfc26b7337ac68c725204e41ba",
    "SocialGouv/emjpm@ae90908626f0025386c70d47af71c2e0838d2146:packages/app/public/static/docs/enquetes/DGCS_Mandoline_guide-de-remplissage-des-enquetes.pdf",
)
RPQS_DECHETS = (
    "rpqs-dechets-cc-lisieres-oise-2023.pdf", "c3503966fa9ebfa7591fc2d4e465a561b90a3e4033a75514e4fffe2657825d6a",
    "guillesse94300/myMairie@8dcbc9e0f45a0b76aea98fb45a90a4c513e10a27:static/4.-Annexe-DEL2024-48-RPQS-OM-2023.pdf",
)
PANORAMA = (
    "panorama-ess-france-2022.pdf", "3af5e0f3e7f912c5a2a317e4588a4726af70c1cf7627a07c9381dd9c95eac1b9",
    "CRESSGuyane/CRESS-de-Guyane@f0e50bef299f9d679483008fbd3dd88fde0991e9:files/docs-resources/PANORAMA_DE_LESS_2022_ESS_FRANCE_0.pdf",
)
PLAN_RELANCE = (
    "plan-relance-transition-agricole-2020.pdf", "bf6d1c7f416911900910d5e1735af57f04da320677f61c4e6416ab9b50cc8aea",
    "betagouv/ma-cantine@64e8cc327a024217dcac0fa85230cee615a25389:Ressources/202009_planrelance_TransitionAgricole.pdf",
)
AMI_ORIENTATION = (
    "ami-anct-outil-orientation-usagers.pdf", "5bbf9f50d2c3628cc7a6caa55ef76037169c4416a04f81e17918fd4862fd1f8d",
    "incubateur-territoires/incubateur.anct.gouv.fr@fb5bc865f72070b7e50d5e170e49773012ca604b:static/pdf/AMI_CommunOrientation_122020.pdf",
)
MARCHES_PUBLICS = (
    "cnrc-guide-marches-publics-restauration-collective.pdf", "faac0edee1c65bfae01888f2ceac0b2829c921d5ef69c79412d843d64de06718",
    "betagouv/ma-cantine@5719fadb4cc9acbc28a1eaf6f3ab6444dd2d697b:front-end/public/Guide Pratique MP Gestion directe.pdf",
)
TRANSFORMATION_ETAT = (
    "plan-transformation-ecologique-etat-2024.pdf", "c2e5f4d476e505974661aaf6684c0727967830f214c8e402283a4469269bfd87",
    "DISIC/MiNumEco@8efedff1fae669297f0ae1c40d96df99e1d9a6bb:public/docs/2024/plantransitionecologiqueetat/27032024_DP_Plan_de_transfo_eecolo_de_lEtat.pdf",
)
EAIP_INONDATIONS = (
    "guide-epri-enveloppe-approchee-inondations-potentielles.pdf", "bafed766e2840dea984b79a83693e5d4cbb48d79b1713451a718020f1ec64ba5",
    "cnigfr/Geostandards-Risques@7e27e771c3d61b64303b1ee2c9e67fa255c840f8:documents/ElaborationEAIP.pdf",
)
ACCESSIBILITE_VOIRIE = (
    "standard-cnig-accessibilite-cheminement-voirie.pdf", "f06792b9055f8df5679d50dcf2b3df048613758b84e7e64f750b5d405915e4a7",
    "cnigfr/schema-accessibilite-voirie@eee597e89383556a491d70e51d3aa53fba10e2a7:Standard/250314 Publication du standard v2021-10- rev. 2025-03/250314_Standard_CNIG_Accessibilite_v2021-10_rev2025-03.pdf",
)

COMPETENCES = ("repartition-competences-2019.pdf", "f8214ed8910a821b3a7d24ef88a40a27905d61cc36b5423909d60f53c6822a4c", None)
IMPERMEABILISATION = (
    "guide-erc-impermeabilisation-sols-seine-normandie-2024.pdf", "c06dbd9bc45dc25123b4b51e8661690310f443421d99718d6b06926045fdd6c7",
    "MTES-MCT/Docurba@8aeb27af67be2e5cd06fc1b0f7e4b2580f8a7fc5:nuxt/static/ressources/GUIDE ERC Imperméabilisation des sols - VF.pdf",
)
CLASSEMENT = (
    "classement-reseaux-chaleur.pdf", "0ff17db43f1c1d715aef1531971c716afd26938160abb5e35afe56b8259acbe9",
    "betagouv/france-chaleur-urbaine@71c3c3876b63823e6e926d019e43a8c6a1d06eb7:public/Classement_AMORCE_Cerema_2020.pdf",
)
SCIC_SPORT = (
    "guide-scic-sports-2019.pdf", "c03ca8b016e4cd5dff8653cc444c1a828902c78112504de0a760ecc1e6c23d42",
    "jonathanulco/SCIC@71f3f89d655a45ebcba9985b9af5ddd4a8a51993:static/assets/pdf/guide-scic.pdf",
)
ECONOMIE_CIRCULAIRE = (
    "referentiel-economie-circulaire-tete-2024.pdf", "7fe644342db2d1240c29ce4b093a739c7113e2546c9226c5cf24215cb062a429",
    "incubateur-ademe/territoires-en-transitions@be9ae13444c52f88059781ff0e5b4e98d9a4ecff:apps/site/public/programme/TETE_Referentiel_Economie_Circulaire_2024.pdf",
)

BILAN_MESURE = (
    "bilan-mesure-feuille-de-route-numerique-ecologie-mte-2022.pdf", "0952602a690aa26ea2b486e78ff23f511b7839bb5538dd4d76519518333d96b9",
    "DISIC/MiNumEco@6a64404c8cb30ad6750dbe388baf37e15137b193:public/docs/2022/plan-action/mte/FDR-NE-Bilan-mesure-MTE.pdf",
)
PCRS_CRAIG = (
    "craig-aura-acquisition-donnees-haute-precision-2024.pdf", "411f9097aaf5431b1bf559b0896732cceb65ea58152476146803ec2f2db31854",
    "incubateur-territoires/docs-pcrs-public@aa869ca5efe8e870c0698866f7f84d70d4fdeb3f:.gitbook/assets/3_20240912_PCRS_craig_aura.pdf",
)
EGALIM_BILAN = (
    "rapport-bilan-statistique-egalim-2022.pdf", "4b261b67ad951b1a03e648fd94711335bbde687fe5e0423bb5de89bb7dfa7891",
    "betagouv/ma-cantine@04dddca907df745d27935bf3e6884b1396451fac:web/static/documents/rapport-bilan-statistique-EGALIM_2022.pdf",
)
GUIDE_PEDAGOGIQUE = (
    "guide-pedagogique-former-alimentation-durable.pdf", "d56e3b11a3adfbcef71dfaaa7534e30b48294b23496a2c0a84b87c2e7fc2e231",
    "betagouv/ma-cantine@04dddca907df745d27935bf3e6884b1396451fac:web/static/documents/guide_pedagogique._former_en_alimentation_durable.pdf",
)
COMMISSIONS_MENUS = (
    "structuration-commissions-menus-ehpad-2022.pdf", "63c7d5d461063c50daedb6a27110e77b9bf0ca6d592e91525239a667cdbae79c",
    "betagouv/ma-cantine@04dddca907df745d27935bf3e6884b1396451fac:web/static/documents/G01_-_STRUCTURATION_CM.pdf",
)
ECOCONCEPTION_SNE = (
    "bilan-ecoconception-sne-recherche-2021.pdf", "6f08b640d5fc2b90c09f7e12977d4de64b89c20ffcae2f2b7676f8e29be71ff3",
    "DISIC/MiNumEco@6a64404c8cb30ad6750dbe388baf37e15137b193:public/docs/2021/Bilan_ecoconception_SNE_recherche_2021_10.pdf",
)
SALARIES_PROTEGES = (
    "code-travail-salaries-proteges.pdf", "34aa6667e63158dbb2d84c01507217a1c54b81bb56caf642f907a47580d85097",
    "paulinege/GEN_AI_Assistant_Juridique@120f992429fbbf8b5d281fa2d860386fcbf9c676:data/Fin_de_contrat.pdf",
)
CONSEIL_PIERREFONDS = (
    "pv-conseil-municipal-pierrefonds-2025-11-20.pdf", "159d45534923b22b89531a4548d7da10f1b65af19881ca97d347d486f1975847",
    "guillesse94300/myMairie@8dcbc9e0f45a0b76aea98fb45a90a4c513e10a27:static/20251120-PV.pdf",
)
FNCCR_LITIGES = (
    "guide-fnccr-prevenir-litiges-reseaux-chaleur.pdf", "aee152f998d70dd2e5a64d5cc87adb0d735a797828a98608f597da5e353de38e",
    "betagouv/france-chaleur-urbaine@71c3c3876b63823e6e926d019e43a8c6a1d06eb7:public/Guide_FNCCR_Prévenir-les-litiges.pdf",
)
CARROS = (
    "cerema-requalification-zi-carros-le-broc-2024.pdf", "09ff36903f3a5cb44944b25778372632e7ecd2f4236e7b1d72f975bd76aec791",
    "cnigfr/schema-sites-economiques@3c82e7510d6ba741882caffd8d8713a2efdb957b:documentation/fichiers/Fiches Expertises Territoires/"
    "240910_Poursuivre son développement économique malgré les contraintes, l'exemple de la requalification de la zone industrielle de Carros-le Broc.pdf",
)
RPQS_JUNAS = (
    "rpqs-assainissement-junas-2021.pdf", "55ceb5ed5ed827bfa3b5362c8b26efec91a4024cf7294360170372a4bbcb9005",
    "gefleury/ofb_narval@efd9be1fca407d141d1b3dc867f40b712a724ed0:data_example/input/pdfs/RPQS_Junas_AC_2021.pdf",
)
GUIDE_BENEVOLAT = (
    "guide-benevolat-2024-2025.pdf", "ec23b73849b6ed330078fed22fb4dd2a296fed7a53ddbe3dd20351b0d4bcf28f",
    "obi1101/NigloMode@187f94f4c9f442965226155ab691f1223b08d00a:public/docs/guide-benevolat-2024-2025.pdf",
)
CLS_AVESNOIS = (
    "cls-coeur-sud-avesnois-2025.pdf", "f00562916d4e9396e378c247ce7114e4118da676882e20715e972653ea889908",
    "gestionsiteccsa/cc-sudavesnois@a9f6184fdc2c63ec496cec2e81c51145629eca33:static/pdf/DELIBN370a-CLS-Contrat-Annexe-tampon.pdf",
)
PROMENEURS_NET = (
    "promeneurs-du-net-93-bilan-2018.pdf", "3272c614e732e091dd337bbf819cb326817848c99df76c43775f3fc2db0761b8",
    "s-79/pdn@cd9d2de5a0efabacbf98a27ad18afbc4271d91d6:files/Bilan2018.pdf",
)
CONSEIL_PUTANGES = (
    "cr-conseil-putanges-2022-01-31.pdf", "60235cfa1763ce81021935ade5988fe0b5d39c6289f9cc5128e16b9377d27b4a",
    "Alice-Po/mccp@e3564c060f1ba016bf109c6a5f976f5d63b965d8:public/assets/datas/CR-municipaux/compte-rendu-seance-du-31-01-2022_readable.pdf",
)
STANDARD_FRICHES = (
    "standard-cnig-friches-2023.pdf", "ae68d346eb2cfd447c13acd335820248dca0c5f393563566b1b7ac4b21431ff5",
    "cnigfr/schema-friches@5035699cfc85fa8808f9e062d47bde0bbbdcefc8:standard/250526_Standard_CNIG_Friches_v2023-12.pdf",
)
BAL_BONNES_PRATIQUES = (
    "anct-bonnes-pratiques-adresse-2023.pdf", "82fb478d796df5c2c822e70b3e2860a97d7dbbb62c9c1851ca7cece98c7f4fd1",
    "BaseAdresseNationale/adresse.data.gouv.fr@3e59d603f3f4d16bd1ed88af58a1f9a97e10d1b1:public/documentation-bal/guide-bonnes-pratiques-v4.1.pdf",
)
PREPA_APPRENTISSAGE = (
    "appel-projets-prepa-apprentissage-2018.pdf", "a9102e0c89dc0950da02f2a41a2315ad302066b12f805bbc4c72b3ffa4d53d28",
    "Tizianogh/RML92@e717ec5f4931fd4c7ea71668e1f42c3dc1bde32f:pdf/appel.pdf",
)
OTP2_CALCULATEUR = (
    "otp2-calculateur-national-2024.pdf", "83bc65a671112bcf408f0f137bd013046c6103d1276c986ff29ecf95e37ea682",
    "etalab/transport-site@24e909ab5a9dd6f7c0fcb673185d14f528e3de68:blog/static/images/rapport-otp-complet-2024-03-14.pdf",
)
DOMIFA_GUIDE = (
    "domifa-guide-utilisateur-2023.pdf", "91a44aa1fa454664eda48ff4311b3c95a1b8fee2be10b5bfa30defb81ba0f272",
    "SocialGouv/domifa@67395b5209aebebca5d5672df56841f28d90843e:packages/frontend/src/assets/files/guide_utilisateur_domifa.pdf",
)
SPIP92_PLATEAU = (
    "spip92-plateau-technique-2021.pdf", "86fe9c127a8af1a300469d896f9a0c864cf4462ce758ae784af180e6a792f917",
    "betagouv/mon-suivi-justice@4c6822fc400044be3d7cb264e0186e59146d0168:app/assets/images/static/2021_09_SPIP92_LIVRET_PLATEAU_TECHNIQUE.pdf",
)
ECRINS_FORETS = (
    "ecrins-cartes-anciennes-2017.pdf", "5c1a669998e63d8c863aeeaf5be1a48f6a34e6ad2b6f120515b34e3e9becfc3b",
    "PnEcrins/Manuel-QGIS-Forets-Anciennes@f309acd8fbde7d448cf58bad4cf4f3f483293367:Manuel carte etat major QGIS v3.pdf",
)
USEA_STAGE = (
    "usea-carnet-stage-pro-2019.pdf", "d0f69b199eeddffb5f23b8a4415af861e25237f2b10817d062605d2b29fdbd71",
    "betagouv/monstagedeseconde@75c8a7c250ec7da5cc1cfba3845869c9898e6c65:public/documents-utiles/CarnetStagePro_USEA_WEB-2.pdf",
)
MON_SOUTIEN_PSY = (
    "mon-soutien-psy-guide-2023.pdf", "645dfab74a1df2961a7b1b081c26deef8ed581e3a6e0c856a738c8966d085944",
    "SocialGouv/mon-psy-sante@7221f65f1d733c1971960799fc50f846146fd9a8:public/documents/Mon soutien psy_Guide psychologue_2023.pdf",
)
FLASH_ZAN = (
    "flash-dgaln-climat-resilience-2022.pdf", "dd62bb69e147f07e18bb981af924a34a2eef552ee33003f41a18206fcd38b1ca",
    "cnigfr/schema-plan-local-urbanisme@15238e117cb6e742813c686f6b5c14955797ad9c:réunions/2022/220106 Réunion GT DDU/220100_Flash 01-2022 Loi Climat Résilience.pdf",
)
COVID_SALARIES = (
    "covid-guide-salaries-2021.pdf", "1b607f3ecf0f0b3e940b7655d6dec3a29d75f09854fa7bd2970b9eb9f94dfeb7",
    "Delegation-numerique-en-sante/mesconseilscovid@4c723855e854af1f69c5b37b0d1e79b2871ee164:pdfs/travail-emploi-gouv-fr-IMG-pdf-guide_covid_salarie_30_juin_vok.pdf",
)
TRANSITION_KANTAR = (
    "cgdd-entreprises-financement-transition-2020.pdf", "dc71781e6a8b1d84feead64a6fcbffa8cee5e5879027b405967d33a79307de6a",
    "MTES-MCT/mission-transition@da3e1a4cdee307e307aa969b3396327b4fa5722e:documentation/france-transition-kantar-2020.pdf",
)
BETAGOUV_BILAN = (
    "betagouv-bilan-2025.pdf", "1c95e8de22f0efd2de175f2bf27a722e7e2a6323a29fd3473b812d70239603fd",
    "betagouv/beta.gouv.fr@6f05046d7a5572df76e630505e6492cf28733de6:content/docs/betagouv_bilan_2025.pdf",
)
SIFA_INSTRUCTIONS = (
    "sifa-instructions-apprentis-2024.pdf", "579aca8c7a5a396dfdd3c63f715c7d2c38f4a8d928015b757c4d45cd0e7eda21",
    "mission-apprentissage/flux-retour-cfas@aedf36d62f962b41a43bf74e21a14ab7f8fada89:ui/public/InstructionsSIFA_31122024.pdf",
)
ENERGIE_PATRIMOINE = (
    "ademe-energie-patrimoine-communal-2012.pdf", "a696d28020c8d084fb1c314b735af7e05e82e553b749f61712fe303e4557acd6",
    "energiesDemain/tertiaire@c4c5cfc885e36c99c63e713d9805fa70a1af343a:sauvegarde suivi scenarios DGEC 2017/Données compléments/Brochure energie patrimoine communal 2012.pdf",
)
EGAPRO_SOLEN = (
    "egapro-solen-index-egalite-2019.pdf", "f0b2a442b89967720a1fd631a5f9919cc1ce8b2247ed7b5d7aa369cd2119e285",
    "SocialGouv/egapro@449db4c46d903717ff4a6b03bab89e6c443c0dbe:packages/declaration/_doc/solen.pdf",
)
GEREMI_GUIDE = (
    "cerema-geremi-guide-2024.pdf", "2684517a4fdd057862ee574cc114dd9a1f38ef9daca03bcf82c98316a45b52c2",
    "CEREMA/geremi@684f85a4ab80765f6f537151d83eff3a8fa49187:geremi-ihm/src/assets/geremi/pdf/Manuel_utilisateur.pdf",
)
ECOPASS_CHARTE = (
    "ecopass-charte-cout-environnemental-2026.pdf", "e84b0e1bbf78277e75a2462de6c6f5431ff36d08fda62219f4d838fd0cf234e9",
    "incubateur-ademe/ecopass@ee52c432d4525fbabcf4498ab6a536ec0f24ea1b:public/charte.pdf",
)
ANC_COMPTES_ASSO = (
    "anc-reglement-associations-2018.pdf", "264ceb2557c1778367f6c90c1ee4507b97230df428bd7c87fd195a4a0af38a04",
    "JeffAbrahamson/gnucash@ebe8e3178053a2f5ed72a71e0978aaa20282d905:plans-comptable/2018-06_règlement-asso.pdf",
)
TRANSPORT_OBLIGATIONS = (
    "transport-data-obligations-2021.pdf", "538cfc2e3bf77dc69ae7259fcfb6359d88a0d02be3f29c1a4e2b3cf196030937",
    "fchabouis/transport-doc-gitbook@433892baa172bd2c68935ddde000cb9d589a088c:.gitbook/assets/ouverture_de_l_information_sur_les_transports-textes_et_obligations.pdf",
)
STOP_PUNAISES = (
    "stop-punaises-protocole-2024.pdf", "2fa75c0653da39dcd925fe03d04d71e0ed0a115f7b638741b480224c581c1baf",
    "MTES-MCT/stop-punaises@685b0566d21eec244151e0a85f5f0584a48a9748:assets/pdf/stop-punaises-protocole-auto-traitement.pdf",
)
AGROECOLOGIE_VITICULTURE = (
    "ifv-guide-agroecologie-viticulture-2017.pdf", "d867f41be586e33b16526b36e8efc849e7a18478f04a017c01831f6020e5891c",
    "24eme/igpvins@194a4379975f6b57ebbf25727cfeef673d20743f:documents/ardeche/2017-03-09_AUTREDOCUMENT_Guide agro-ecologie.pdf",
)
ATLAS_PAYSAGES = (
    "mte-atlas-paysages-enquete-2021.pdf", "6db5836e8376a89ab7deef72c705a2381234c31cdfd465202036dcdd4aa84168",
    "cnigfr/schema-paysage@98e8d352b131f0699325a8b254d7454f5c39746d:documentation/Documents de référence/Enquête sur les atlas de paysages.pdf",
)
GARD_FEUX_FORET = (
    "prefecture-gard-arrete-feux-foret-2020.pdf", "480d7548f73b7ba79d01e2dea4551b293e250de3060f1e6d1b839722e55ad669",
    "Flaux-Village/flaux-village.github.io@8ad865f619e14118c6626f6c8f1217e672215bc2:assets/documents/ART_20200615_reglementation_travaux_FDF.pdf",
)
PULSE_ELLES_ENSEMBLE = (
    "pulse-elles-ensemble-2024.pdf", "29e2af565b6b9525dbd654cb80d483e1b2aee3d9acf6d89a954ddac7790f6bcb",
    "dataforgoodfr/13_ia_financement@50724683423a191c5e2ca6e8857b4054dce3c587:data/PS_P06_PP01.pdf",
)
DESSERTES_FORET = (
    "cnig-standard-dessertes-foret-2019.pdf", "ec184c3c563d090456763e8ddb3d134a5566f857cd765bd65cb2ff57f5c188b2",
    "cnigfr/DessertesEnForet-schema@14e7b450193139b4d7d80a789c2e3ee061320945:ressources/standards-preexistants/Standard_Dessertes_v1.pdf",
)
SAIS_PROJET = (
    "cdsea91-sais-projet-etablissement-2014.pdf", "dac42f9ba4444d37360394a53df45aa5371d8ae68da3a11e4972f5f36415fe2c",
    "misterbigood/cdsea91@02270daf9a79e24f13900375f08f515f1ed37193:documentation/SAIS/SAIS - Projet d'Ã©tablissement.pdf",
)
SAIS_ACTIVITE = (
    "cdsea91-sais-rapport-activite-2013.pdf", "7b7e81713ad161148c766d99af7fae71a768cff06963ab83dbb4f138932be50b",
    "misterbigood/cdsea91@02270daf9a79e24f13900375f08f515f1ed37193:documentation/SAIS/SAIS - Rapport d'activitÃ©.pdf",
)
PLACE_ENTREPRISES = (
    "place-entreprises-service-partenarial-2021.pdf", "432a91edddec22a090b19586ddb9f12b54a8ebd58663c04e92e35927354890ec",
    "betagouv/conseillers-entreprises@a7ff3a4ad824686bb209db957e81ba16cf7d8e2c:public/book.pdf",
)
CDSEA_GESTION_2011 = (
    "cdsea91-rapport-gestion-2011.pdf", "f1f71a71d5525fb83b916409e30a4be89e1a693e343f31178c0783f47f452a87",
    "misterbigood/cdsea91@02270daf9a79e24f13900375f08f515f1ed37193:documentation/Archives/Rapport de gestion 2011.pdf",
)
CDSEA_GESTION_2013 = (
    "cdsea91-rapport-gestion-2013.pdf", "ab1954ff1b70a3aac0b0f9f6358e634c7358d7983b0c924986dc6c78692ea7e0",
    "misterbigood/cdsea91@02270daf9a79e24f13900375f08f515f1ed37193:documentation/Association/Rapport de gestion 2013.pdf",
)
FABMOB_STATUTS = (
    "fabrique-mobilites-statuts-2023.pdf", "fd8eb513d61c84f0740f3e71d25a580cd7c8a221be709971ec043f7f049f289e",
    "fabmob/fabmob.io@2f77d14f9364fc28235ab01d184d7b0d917c9ca0:documents/Statuts de l'association la fabrique des mobilités.pdf",
)
BETAGOUV_BILAN_2023 = (
    "betagouv-bilan-2023.pdf", "9f5514b5ee86c940722e7a4cef4b01969fa35fb11d12c28722fab5b26a440b84",
    "betagouv/doc.incubateur.net-communaute@4d6980ccaf9523d69ee351920f377ce378cf01c5:.gitbook/assets/Bilan 2023 beta.gouv.fr.pdf",
)
LPO_RAPACES = (
    "lpo-suivi-rapaces-nicheurs-2014-2018.pdf", "c6781965326efda2487e486a251759c48428d8c14613e123cf37ea5e853fa880",
    "lpoaura/BirdAtlasOfFrance@503086edc50febf74849968abb0eb9d381499d9f:frontend/static/get-involved/Bilan-Observatoire-Rapaces-2014-2018.pdf",
)
RNF_ANCRAGE = (
    "rnf-etude-ancrage-2026.pdf", "ec587a93b47177abbae3a1c4c7047e507be57b730b0b8b3cf829758b9462d56c",
    "RNF-SI/ancrage@494e5b2fc06a4670610ba500d03ef0f2550f7afb:frontend/src/assets/documents/methodo.pdf",
)
MJC_ASL = (
    "mjc-abbaye-asl-livre-blanc-2020.pdf", "f1095cf2738ac1456364733f1e11b46506a9bb6202dc2536dac7b37b6c482015",
    "Godot-dev/mjcAbbaye@3813095c89e3738267294b277274dc523ca0ea32:data/docs/asl-livre-blanc.pdf",
)
CYCLAB = (
    "cyclab-potentialites-cyclables-2022.pdf", "c3eaf24d535b9141f8bf0e43a6ecfe652c23ef42165d288aebef5682b4957f16",
    "geobretagne/cyclab@ba62c28b7283e8ec2954ee12b4d376d99b55d9bd:pages/note.pdf",
)
POESIE_RENNES = (
    "maison-poesie-rennes-rapport-2020-2021.pdf", "cbaa20064fd1270647ccb7342d8141ffa2c9586ab50de7d034128818f7f115ee",
    "PQuod/MaisondelaPoesiedeRennes@9ae2a6ddfc485a8d64e8bbe40f9208f2aa49f74f:docs/2020-2021_RapportActivite.pdf",
)
ETALAB_ALGORITHMES = (
    "etalab-expliquer-algorithmes-publics-2024.pdf", "edbc7dca22da37ebd85954676f30ec9d782d08baf1cfa8847f8f6e0d6812ae5e",
    "etalab/guides.etalab.gouv.fr@8c7502b7fe92c25d307827c419057f1620c11fd8:pdf/guide-algorithmes.pdf",
)
MJC_ENFANCE_JEUNESSE = (
    "mjc-abbaye-projet-enfance-jeunesse-2020.pdf", "48649e04f31e25700fdffaf52c110c47ac86e01a18cabfbab1b31d8211dfa34d",
    "Godot-dev/mjcAbbaye@3813095c89e3738267294b277274dc523ca0ea32:data/docs/Projet Enfance Jeunesse 2020-2022.pdf",
)
EIG_RAPPORT = (
    "eig-rapport-analyse-promotions-2019.pdf", "95d25b370aa46a73de9235079455bc1b445965800d2f7784032d8e5e20883891",
    "entrepreneur-interet-general/site-eig@bc2afe522b1f8203b0a1d1bf213d770d83b0a030:docs/Rapport-analyse-EIG-VF.pdf",
)
COMMERCE_EQUITABLE = (
    "commerce-equitable-france-2007.pdf", "43b6de4cac64c2d2d33db3827fb5bb0e7e1099f7bb2c2c4246a02d83b723b48d",
    "LFSF/oras@c94b54e0cc467d50b2fba2fe975452ba56974b59:RhoneSol/fichiers_upload/upload_actualites/200933111558693_Commerce_equitable.pdf",
)
POESIE_RENNES_2019 = (
    "maison-poesie-rennes-rapport-2018-2019.pdf", "91a0e72e58eade79b13c433c43a058d2840f85b6aefe113cbc49e1fa5e2f8074",
    "PQuod/MaisondelaPoesiedeRennes@99db307369cdd8a3dd117e96a4d32f2874ff8f4a:imgs/2019_final_screen_rapport-d-activit-.pdf",
)
CSC_OSTWALD = (
    "csc-ostwald-rapport-activites-2025.pdf", "0589727fde0e52203b6947aab814dd172083397956706e5d17581903ac621cee",
    "shaabanalabdi/CSC-Ostwald-Projet-2026-25.06@e549326e3f7ad84c69ffac7360ebb1f5fb58a377:client/public/documents/rapport-activites-2025.pdf",
)
FRESQUE_DONNEE_CD93 = (
    "fresque-donnee-ouverte-cd93-2025.pdf", "e368b7b7c7c96f4cc1cd1bfa22b477a6193957c7a7c693f4bc16f493498cbf81",
    "datactivist/opendatactivist@85b9edd58de9f4492591e5ccec43163fb0130140:public/files/fresque-cd93.pdf",
)
CERTU_MITEMPS = (
    "certu-mitemps-guide-utilisateur-2006.pdf", "cd06ea680fe11eeec0a6932a56b5ec2a901efbb35b43a65bf8a2e60acfda9b0b",
    "CEREMA/territoires-ville.MiTemps@37f4731419de2cc5390612fc5a8670ec2e2f7e75:Mitemps30_guide_utilisateur.pdf",
)
MISSION_LOCALE_2019 = (
    "mission-locale-mureaux-cra-2019.pdf", "7a54035730a90a4ff43069292f360f273bc4608ea4488b273a92e52852411d37",
    "GitInsersite/missionlocale_front@e3995158718be173cfc964b44d2e0c9dfa2792f7:public/pdf/CRA 2019.pdf",
)
MISSION_LOCALE_2018 = (
    "mission-locale-mureaux-cra-2018.pdf", "d06098da1858bd472739fe6f51ff2d13894f0f86ab0e601d8eb8ea43a0153d21",
    "GitInsersite/missionlocale_front@e3995158718be173cfc964b44d2e0c9dfa2792f7:public/pdf/CRA 2018.pdf",
)
MJC_MORLAIX = (
    "mjc-morlaix-activites-2025-26.pdf", "36bb16063737ef949c2d27121c6198e6d6cc1b09f3338bc8d8e26ca41f95cc5f",
    "myrdin-site/mjc-morlaix@45286cb2cf595a7e2e11582c374a574a36258660:assets/medias/plaketmjc_activites_2025-26_web.pdf",
)
CNIG_SUP = (
    "cnig-standard-sup-v2016b-2026.pdf", "043750797f46ebd48a8427a63bea2a34d902ce02c469cbd9bfcbbe0d87cf9a65",
    "cnigfr/schema-servitudes-utilite-publique@44b15ed914bbc860057e1f4d039bcbbcbf73fb12:standard/260609_Standard_CNIG_SUP_v2016b_rev2026-06_modifs.pdf",
)
MAIN_TENDUE_31 = (
    "main-tendue-31-rapport-activite-2018.pdf", "3c6e6652aec736b8b20d9030a7691d04566ff228f0006e90c91401d69a14ddf0",
    "steven7777/mt31-assoc@913fa7c279e1535258f4b037556de3fb0b389d11:pdf/RA_2018.pdf",
)
AVIS_CITOYEN_MIA = (
    "val-de-marne-avis-citoyen-mia-2015.pdf", "e0dd88ca4501fc4c2520ca1eb84650510cff743bf941d705f6acf2407d85ae74",
    "ConcertUrbain/handicap@972e12a306e50cb98f6356657a5c12ec5f53e54f:pdf/AvisCitoyen.pdf",
)
CM_CHEMERE = (
    "chemere-conseil-municipal-2015-02-24.pdf", "b49dad4264e70c046c0bd2fe50ce88553dc5b99f36ce37dbf16e93924910c5fd",
    "regardscitoyens/CM-chemere@7d85b7457187c39a8215b17c353486d69df3495c:source-pdf/CM 24 février 2015.pdf",
)
GETIGNE_PADD = (
    "getigne-plu-padd-2020.pdf", "b22f85c2c3492452f2b5f6245e419194ae0060cb1035d5958e46fd37382df89e",
    "lenybernard/getignecollectif@bca3113f9e288af829d5296feadbcd95dc852bad:static/images/p3_padd_appro.pdf",
)
PRILLY_ASSEMBLEE_CLIMAT = (
    "prilly-assemblee-citoyenne-climat-2022.pdf", "15824ec3e04151cc4b9702bc6b03cc0f613cd0ab5c68f59f036ce03d7a5af5eb",
    "Declyn50s/commune-prilly@710e211c7e9c8850bcbae5180a4c28b5ca62263b:public/docs/plan-climat/Rapport_Assemble__e_citoyenne_VersionDigitale.pdf",
)
CAF_ANNECY_SORTIES = (
    "caf-annecy-organisation-sorties-2023.pdf", "74a4a377c3211e80c04263363671fade3cec1688a66fa0d30fc658ebad63f723",
    "Club-Alpin-Annecy/collectives@882da7e62aa46ddb1537550a4278cf90d3560ece:collectives/static/caf/doc/guide_collectives/CAF Annecy Organisation des sorties.pdf",
)
DIAGFEUX_GUIDE = (
    "certu-diagfeux-guide-utilisateur-2008.pdf", "8f4bd31dbbc49fd4a055c122b854dfe1ec32545036a1402bdd027d7dbfd9f190",
    "CEREMA/DiagFeux@87165a53340fc4146ea176e4b31fa7a582bff871:DiagFeux10_Guide_Utilisateur.pdf",
)
CENTRE_SOCIAL_COSNE = (
    "centre-social-cosne-pv-ag-2020.pdf", "f8834cd0c867605be4ffff59a46e63a7aeb66e38cf1a80f7791bf2ee9f37f4f0",
    "citizenz7/centresocialcosne@ad2b88552f30fa30c74824ca38c6ede869c6acec:public/uploads/fichiers/articles/PV-AGO-2020-60c881c4eee6e.pdf",
)
RECOURS_REDEVANCES = (
    "regards-citoyens-memoire-redevances-2016.pdf", "40002baf315d2599057e01e19f4d412957274ec59a9fd6ed339c2ab5cfe7807f",
    "regardscitoyens/recours-decret-place@0487b1030d48e210b56e67d0559a0e5f87c633b6:joined-2016-12-30-requete-complementaire.pdf",
)
SERVICES_PUBLICS_LOCAUX = (
    "vademecum-elus-2014-services-publics-locaux.pdf", "9bf41eb623077fcca7df9aa50c9e39e067c43223ef1844df7442ce12e7eec364",
    "etalab-ia/ragtime@da9ea826e218492165082063461ae52b69bbb0e7:samples/fiche_14_vademecum_kit_elections_2014_v2_18.02.14.pdf",
)
PREUILLY_CM_2020 = (
    "preuilly-sur-claise-pv-conseil-municipal-2020-07-23.pdf", "de257b7c61377a58a42e1d95110c3574cd2d942313e89b5bae33628dddd6b9c8",
    "bjalon/municipal@067d3008de0d009f2c1b77366208616b9079a3d3:content/services/services-publics/conseil-municipal/proces-verbal/PV.pdf",
)
MONAIDECYBER_CGU = (
    "anssi-monaidecyber-cgu-2025.pdf", "c0d306eac81bf6ef7e201522d846b1df857cbbe6e810b51ef7980a586ad09bca",
    "betagouv/mon-aide-cyber@262d2b7845364cb5cbe5a3decbb0f607e450e1be:mon-aide-cyber-ui/public/fichiers/CGU_MonAideCyber.pdf",
)
GENEVE_OPEN_SOURCE = (
    "geneve-ocsin-strategie-open-source-2021.pdf", "d1b4c4cf7c8e20ebd6251795aeec8b0dfd13a4239cec161b35776890d6025485",
    "republique-et-canton-de-geneve/strategie-open-source@aaa1ca41e21220e0a6200a8793c3ffb7925c50a9:strategie_open_source_v09.pdf",
)
ZESTE_DE_SAVOIR_AGO = (
    "zeste-de-savoir-pv-assemblee-generale-2023.pdf", "8a1fffef849d7958eafd6f88d3253490f06b57edf8859b7baf214a5a38455b85",
    "zestedesavoir/documents-association@8b3b90f9041e4dafb1785ed30866bbeca468dca1:2023/2023-06-24_PV_AGO.pdf",
)
ANC_ESRS_E1 = (
    "anc-guide-application-esrs-e1-changement-climatique-2024.pdf", "758bd22cdd723e2dc7ca5250dc201ccf1763472f9554baa999b3c0343d59bc6d",
    "betagouv/portail-rse@9a3cb412272d0c8d2e08a1f10b2a83ab1886f308:impact/static/CSRD/ESRS-E1/Guide-d-application-ANC-ESRS-E1.pdf",
)
OEUVRES_SOCIALES_NOTARIAT = (
    "csn-comite-mixte-oeuvres-sociales-notariat-2025.pdf", "3e28c705d7d52e9b479121e5ea58e4466e4c1f1c56999db16917275a7bf0af26",
    "frederic-ramet/bible_notariale@045b0e26379038892172c8f5f34ca77b7586bfcc:sources_documentaires/CSN2025/brochure_2025_-_oeuvres_sociales_du_notariat_-_comite_mixte.pdf",
)
MERIGNAC_SPORT_SANTE = (
    "merignac-maison-sport-sante-livret-2024-2025.pdf", "943a3ae400df00edc34d735baa5d0d13837a7d91a74f99ee6aaf0c903165f110",
    "CPTS-Ouest-Gironde/CPTS_Website@052442dfac941847edc3b1c700418b4b33b32995:public/actions-outils/livret-MSS-.pdf",
)
CRECHE_CAPUCINE_RI = (
    "creche-capucine-reglement-interieur-2017.pdf", "e066f3d91df55d41fc6ca332ced057f6bbea413fbf362590213f6095c177bbe5",
    "crechecapucine/documents@f008f09f3ea20da80c8941117984522b2d35b39f:archives/RI_Creche_CAPUCINE_2017.pdf",
)
FNPC_REGLEMENT_INTERIEUR = (
    "fnpc-reglement-interieur-2022.pdf", "2caff96613ea0ff74a58276f8a4344953a9800e24a642b62b6196633798efcca",
    "protec38/protec_doc@cf9e04b5b2951203b76ec7b7e7e5b326aa37e8ff:Supports/Règlement Intérieur FNPC 2022.pdf",
)
CVL_GUIDE_FEDER = (
    "cvl-guide-porteur-feder-fse-2023.pdf", "cd910f0b665528b25d4bdedfbb60ccce8f72efdad633224c92a9698bc7f2a859",
    "benoitdb/assistant-rag-ue@812603d62e8a5211ed7595c5b5669c6b735134a2:docs/sources/guide_regional_centre_val_de_loire.pdf",
)
ROANNAIS_PV_2021 = (
    "roannais-agglomeration-pv-conseil-2021-10-28.pdf", "c6e0f82684325b51065feb4828e774b2f60c19313b40940b18bc448824887420",
    "alberto-lorente/RAGtor@5ef9e8e0729011595e210154d6f987a582590690:data/example.pdf",
)
CH_COMMERCY_SAD = (
    "ch-commercy-livret-accueil-sad-2026.pdf", "3510b9c7f2d0b8e32b53e4ad06f4a47841b019174c6cb3d3bee6a8439e93e30f",
    "ch-commercy/site-ch-commercy@8e02280253b6aff0a7cb5cfb9f4f997facc377df:livret_d_accueil_sad.pdf",
)
SAINT_LOUP_CAMMAS_PV_2023 = (
    "saint-loup-cammas-pv-conseil-municipal-2023-04-05.pdf", "51468363848336a8d6476849b2b325f1d0253f441c1308c60d33631b9bf4f24f",
    "DanielCoutellec/saint-loup-cammas@a4b7afa4e4ed8a70e9f9f1464d143113a9789cef:public/documents/conseil-municipal/pv-2023-04-05.pdf",
)
PROTOCOLE_COVID_HEBERGEMENT = (
    "ministere-solidarites-protocole-covid-hebergement-2021.pdf", "1c09965f04bc054d86c0c6110328454439ef5306bb69da958c03fe629e5559cf",
    "nviel/resorption-bidonvilles@6cb46288567f27c4248b3ecf27b59db411bcf4b3:packages/frontend/public/doc/fiches-hebergement-logement-adapte.pdf",
)
DREES_DEPENDANCE = (
    "drees-dossier-solidarite-sante-43-projection-personnes-agees-dependantes-2013.pdf", "08fcda93ccec40b60f7b50bc3a461809f5a7951a1437bddd05cfb3868acfeae2",
    "TaxIPP-Life/til-france@6a846a3b89913bcef2785894584928b20054a510:til_france/param/demo/drees/article43.pdf",
)
COLLEGE_FABRE = (
    "college-jean-henri-fabre-reglement-interieur-2026.pdf", "43304c78921880b151229b25cf70ff766784b9dd68e186ca3a65db2193391c6c",
    "college-fabre-nice/reglement-interieur@8cd0fa5fcd8b4d53fc57072979dc411d5540ffe0:docs/reglement-interieur.pdf",
)
MSP_VEDENE = (
    "msp-vedene-projet-de-sante-2020.pdf", "d2a402940e58a9330750c4c29ca22b10f647ed5a158a3d41b94c049afdbc100b",
    "medica-im/clinic-cms-frontend@9df07a35730f081ced0d799787a4ef0b94af3948:frontend/src/lib/assets/projet_de_sante_MSP_Vedene.pdf",
)
VALAIS_PLAN_CLIMAT = (
    "canton-valais-plan-climat-reduction-ges-2022.pdf", "b5bef386bd0e1f0c8f6c20cebb055a7330264ac7d82e13950891344cedf149b9",
    "cwaltregny/assistant-communal@154c5dcd8a0422069256c98034b263c6894363aa:data/plan_climat_cantonaux/pcc_valais.pdf",
)
ROUNDNET_REGLES = (
    "roundnet-france-regles-officielles-2021.pdf", "8f97fcae7e6ce356cc6a62ee9c569be98557cc94ba7b07f4e84528af605bb6f9",
    "RoundnetFrance/Roundnet-France@64c5e15190a40d38415056530f8362fe72520ea6:public/docs/regles-2021.pdf",
)
STAGES_A_DISTANCE_3E = (
    "mon-stage-de-troisieme-stages-a-distance-2020.pdf", "3ef185cb5c095cfffed15b2bc3dfc86a1cbf06b4362315495c8f280b84d85e2a",
    "betagouv/monstage@702147675c301962e472189da7867aef5f73d9c2:public/modes_d_emploi/MS3_Guide-stage-a-distance-2020.pdf",
)
AOC_POUILLY = (
    "cahier-des-charges-aoc-pouilly-fume-pouilly-sur-loire-2023.pdf", "d4b8c02ceb310a824c68878a6e2fc482a124404f938a82283e412929474d8207",
    "24eme/aoccentreloire@754f6dadfa49e8706a29149d2225db91e240d5ca:documents/pouilly/2023-06-20_TEXTEOFFICIEL_CAHIER DES CHARGES DES APPELLATIONS POUILLY-FUMÉ ou BLANC FUMÉ DE POUILLY et POUILLY-SUR-LOIRE.pdf",
)
CHELSEA_TRANSPORT_ACTIF = (
    "chelsea-plan-directeur-transport-actif-2021.pdf", "e9823b5527fed648c9b4a891b0c018d75a4acfa3697f9bfa91b2f8e5097579e0",
    "picululu/kreuzberg@88b72f2a75bf06dca80b2642d0473680e9cf913d:test_documents/vendored/pdfplumber/pdf/chelsea_pdta.pdf",
)
FAQ_EXAMENS_2020 = (
    "menj-faq-examens-nationaux-covid-2020.pdf", "edea67d7394e4b973f1524ccabdc08b5306ffed9dfa7dcafaed6176ccf7e5fea",
    "yabarji59/Formation_Simplon@4329f5adae6bc7e1ab64e545d6f11f6c66729481:docs/sidebar/sidebar-scolarite.pdf",
)
PPRI_ISERE_AMONT = (
    "dde-isere-ppri-isere-amont-reglement-2007.pdf", "b92d3be88bac642a80767e205ce0604e614853c5a510a459546898f3683ee9ae",
    "fllin1/mwplu_analysis@7f294716539a718c3a920e127846449b1d36905d:data/external/Grenoble/Plan de Prévention du Risque Inondation.pdf",
)
SST_PROCEDURES_2007 = (
    "inrs-cnamts-sst-procedures-administratives-2007.pdf", "ea4652b02b6071196777d4f89d28db608688505b92909ee824ae903b074b80b5",
    "vanessakovalsky/esecouristes@54ab56068fef24e3be7561929635a4950922a3ef:images/SST/procedures_administratives.pdf",
)
GENTIANA_AGENDA_2014 = (
    "gentiana-agenda-botanique-2014.pdf", "f8d6673381500e371bb0ea04f7b8c18105bdc730b0b16048565268f277d8f3cb",
    "telabotanica/gentiana.org@ea8bc1337a113c45775e1eac27225b745dc83df2:client/bazar/upload/Gentiana_Agenda_2014.pdf",
)
DINUM_CONVENTION_SERVICES = (
    "dinum-convention-mise-a-disposition-services-numeriques-2026.pdf", "3403c147fb008b537f17f2a2452b499d28dc54ab83097ca753d410df954b1692",
    "etalab/data_pass@4146b4a06da1e3f92e0ad407b731c212dd327939:public/conventions/convention_mise_a_disposition_produits_dinum.pdf",
)
GUIDE_ETUDIANT_SOLIDAIRES = (
    "solidaires-etudiants-guide-etudiant-2023.pdf", "e9242b54e69ec81918deb9840a1bcd6013a7e086bf6208767fa92f287e4ccf0d",
    "Solidaires-Etudiant-e-s/solisite@c5fc1a20d2b9d03e939eb0d3a111016a4c16502b:public/uploads/guides/imported/pdfs/bd9edab80a3e8854ec88105f11733499d2698b57.pdf",
)
BDF_SURENDETTEMENT = (
    "banque-de-france-le-surendettement-2020.pdf", "dcd9f3fdace4bbecd44d06e1ca78c11d0c5d83f8dbe654bed87deda17cfb3734",
    "xabde/AI-AGENTIC@05843c4e819013eba240c0a93cdc6fbe53451a60:Evaluation-finale/data/pdfs/guide_surendettement.pdf",
)
SOTM_FR_2022_GUIDE = (
    "osm-france-sotm-fr-2022-guide-des-interventions.pdf", "f8170da54de584090c670138533bada3088b9e4c9200f30cfdb368a388d6acb9",
    "osm-fr/sotmfr-website@d022d6ec73888f372783f0dd6c8b2280c25fa0a6:2022/pdfs/SOTM-FR_2022_guide_interventions.pdf",
)
PUTANGES_BUDGET_2022 = (
    "putanges-le-lac-deliberations-conseil-municipal-2022-03-29.pdf", "0154279a89e600e1ec4f076e140a894aeef90dc26c87f18acb5f1caa67ddd7ba",
    "Alice-Po/ask-municipal-memory@30e80c1563358a492fa5e9d66fe096beeecb558b:public/datas/2022/cr-registre-des-deliberations-de-la-seance-du-29-mars-2022.pdf",
)
SNDS_REFERENTIEL_SECURITE = (
    "snds-referentiel-securite-guide-accompagnement-2017.pdf", "0c210af80a963781e076eb17ff57a6ea8298dc5491419021d23b3bc298c35086",
    "indsante/Documentation-SNDS@e4ce8182826b7e09c207fc65969abee515a85660:files/HDH/SNDS_Referentiel_securite_Guide_accompagnement.pdf",
)
VELO_LONGCHAMP_ANNEAU = (
    "velo-longchamp-expression-besoins-anneau-cyclable-2021.pdf", "5457c50023c1ead2130e6719ce130d6a7f4cbf0d3b859854b8af9e45f4edfc49",
    "techvelolongchamp/velolongchamp@a682b63accfecb97985e8df65136a13993361810:public/Expression_de_Besoins_Anneau_Cyclable_de_Longchamp_v4.pdf",
)
FFE_CONTRAT_DELEGATION = (
    "ffe-contrat-delegation-olympiade-2022-2025.pdf", "de9f5ddcea94ae2c1d478eef7cacc0875b6955ad12f0187aa94c2f1201475316",
    "pierrealexandreguillemin-a11y/pocket_arbiter@c2fbd32f1bc3c361b390f6775b18f1f61f4768d0:corpus/fr/Administration/Contrat_de_delegation_15032022.pdf",
)
AUDIERNE_GWAIEN_2023 = (
    "audierne-esquibien-magazine-gwaien-11-octobre-2023.pdf", "a581610df86db24cab06f83ff81214c116acb90dd20b72ac2a02367afba7c8b6",
    "locki-io/ocapistaine@e44a0ca506f84ea61ab6302bff95fd5ea7a36af4:ext_data/gwaien/Gwaien n°11 – Octobre 2023.pdf",
)
DIALOG_ECOCONCEPTION = (
    "dialog-declaration-ecoconception-2025.pdf", "f912a7593c244e2376136991544d0cb545d405e5698cfa6c4ea9f057956d98f7",
    "MTES-MCT/dialog@80aa3b002e73a86f087f9e5f9d40c58988cdd2e6:public/files/2025-04-23 - Declaration.ecoconception.DiaLog-2_compressed.pdf",
)
INSA_BILAN_SOCIAL = (
    "insa-strasbourg-bilan-social-2020.pdf", "c3c02ecbd1cb68d54a2ea4966f4ced7041a4429e346f25f311e363ba07f63dcb",
    "Just467/Projet-Interpromo-Groupe-1@5eab93ff4ff8e726cf7c6cd6bde3333e6af81257:data/bilans_sociaux/INSA_bilan_soc_20_V2_21.pdf",
)
LACITO_RAPPORT = (
    "lacito-cnrs-rapport-activite-aeres-2012.pdf", "fd1519ded6782f8f5005a77cf842be2b73fb508ea898a5d63a8d4844f36df689",
    "CNRS-LACITO/website@adf249c3f2c3d3eb2b4dfd89370b7ea06db237ea:INTRANET/aeres/LAC-1-Le-LACITO_121114.pdf",
)
LOI_SECURITE_CIVILE = (
    "loi-2004-811-modernisation-securite-civile-2004.pdf", "5b6ddddd7c2bc314249e00fff62f0b43a4f0edcdde90cab3850510cb42eb6d8a",
    "lechemindupompierprofessionnel-dot/lecheminduspp@348ba7de969e59e4cd574a5509133b9c2425309a:docs/culture-admin/organisation-sis/sources/loi-2004-811.pdf",
)
LIVRET_CITOYEN = (
    "ministere-interieur-livret-du-citoyen-2022.pdf", "c320f358874333ba7559c461c0ec5d0d7e7398fda8dbf25537caacb699e1bf17",
    "lykimq/French_nationality_questions@664a1b257f0ffd4c2878e9f41247e9000cc09e53:docs/data_sources/Livret-du-citoyen-accessible.pdf",
)
ENV_NOTICE_CAS_PAR_CAS = (
    "notice-examen-cas-par-cas-51656-05-2023.pdf", "251ebb7f72177d760d26974ce3fc63b8d398656d01a686d52fd6650a2cda9cbe",
    "betagouv/nitrates@0664f34009f6678da9603dbc294b1ad05b122af2:envergo/static/pdfs/notice_51656_05.pdf",
)
LEZARD_OCELLE_CEN_PACA = (
    "cen-paca-inventaire-lezard-ocelle-pira-2014.pdf", "339da53b6263e0d56d9412b8c1472538f3f8d173c9e010689565f925fa0c307f",
    "mathieubossaert/vitrine-formulaires-odk-cens@b7640a1e74a52e8ab44b78e3c690edac3abe8699:ODK-CEN/fichiers/lezard_ocelle_pira/protocole_et_fichier_modeles/techniques inventaire Lezard ocelle.pdf",
)
GAZETTE_AMIS_MUSEES = (
    "gazette-amis-musees-normandie-2019.pdf", "7183a0b1f4cd26c08d74ebf32f3f91c6419b773b7a291070c5b3fbc27d5cb278",
    "amvr/amvr.github.io@aa340252ae531799c748464d2ffa607a7b4f6928:fichiers/gazette/gazette_2019.pdf",
)
POLYTECH_SORBONNE_REGLEMENT = (
    "polytech-sorbonne-reglement-des-etudes-2023-2024.pdf", "f1aacc3d2dc4e5456bc7e203679c394790b3522bf2b05dc5b6c0f37a67c1b544",
    "Adr44mo/Stage-Chatbot-Polytech@f34868994fef1a62cf06b08dcb9e9fbe9af5f973:Document_handler/Corpus/pdf_man/autre/reglement_des_etudes.pdf",
)
DECLARVIN_NOTICE_DRM = (
    "declarvin-notice-drm-2012.pdf", "ef6c9b796c1fef21f5fd02feb214cff129c11bb9af368e9f189de704fe706659",
    "24eme/declarvins@124ee2780f213bac4f89c9f7c9bb8996fe10f790:project/web/docs/notice.pdf",
)
REQUETE_IRFM = (
    "regards-citoyens-requete-ta-paris-irfm-2018.pdf", "62eb87ed9a5df6669faef0519bab6e01521b1b53ffb29ffe1fd3b7b1dd3ad070",
    "regardscitoyens/requete-irfm@2e68e2fb948fcd54e2438c2200697886f7406d24:2018-05-requete-tribunal-administratif/00-requete.pdf",
)
CEMAGREF_EPURATION = (
    "cemagref-epuration-supports-fins-2000.pdf", "d31c96eb9a8c490d777173c6f11731a0bb762ec3285a51ba80dad5f9a1281b39",
    "popeye2019/mon_iao@97771134ee00af9243858eae8948898ee7b30b5a:reducteur/LY2000-PUB00008862.pdf",
)
CERTU_ONDEV = (
    "certu-ondev-guide-ondes-vertes-2006.pdf", "04344ae9df7cb51d3799942f46b90bac87c3362b455d73ba0ef02d15778dd84b",
    "CEREMA/territoires-ville.OndeV@49c42c79945a20c61f9a7ecba399679488b404d5:OndeV10_guide_utilisateur.pdf",
)
SLC_CANARD = (
    "slc-csf-canard-du-slc-n15-octobre-2009.pdf", "b4fdb1cba162f33ecf335cf7953cac91d5bcf6553b0af67bee45bff64a4ae597",
    "hugospinat/slc-hugo@5ea7985fddc8b9dee862a575628881c8744f9629:static/uploads/jrn14.pdf",
)
ORS_PACA_ALPES_MARITIMES = (
    "ors-paca-essentiel-alpes-maritimes-portrait-socio-sanitaire-2022.pdf", "8ae570435fd6235f0b99491287c40960d01667f2c89c61bf73afaf70f1db6680",
    "BeatriceFopoussi/RAG@460313978277b39599619099ccb73f62579130e1:documents/diaporama_essentiel_Alpes-Maritimes.pdf",
)
JUDO_SECLIN = (
    "judo-club-seclin-livret-de-grade-2015.pdf", "e9281acee00e315ce7758a280158ed6d1984b31ec80723c7dd6f78f8ded58dee",
    "JudoClubSeclin/judoseclin@c7f5a88c5df6fa77d7c8fcf362aad3b300bd6f51:assets/documents/Nouveau-livret-de-grade-SECLIN-2015.pdf",
)
POULLAOUEN_PLU = (
    "poullaouen-plu-reglement-2010.pdf", "20dfbc8dc0612fbc1d003d9862ab6bdebce598f4e6843328fc0ee89b4073b693",
    "Posoroko/Poullaouen-site-publique@7e4333fb3c96c1f4284e1bc91e95c2418bc09a18:public/plu/6. Règlement.pdf",
)
CONSULTATION_EGALITE = (
    "regards-citoyens-analyse-consultation-egalite-femmes-hommes-2016.pdf", "db5fc13eb9b456de41aa7871c5e4e14ff0e6937f42b55bc2581cf1a5e2a33990",
    "regardscitoyens/consultation_an@86910ed2c67b439636213a928677feb70281c71f:rapport/rapport.pdf",
)
FNTP_SEVE_TP = (
    "fntp-guide-bonnes-pratiques-seve-tp-2025.pdf", "96a3a4b746a5cb71c8a71021b5ac1c2440313a16baa0a2fa941e0da5d0c9fadd",
    "antoinenicollelambert/seve@a4f33b259696375cbe011f3d3f2006f6f0d347b7:20250612_SEVE-TP_Guide des bonnes pratiques.pdf",
)
TY_BUGALE = (
    "ty-bugale-creche-parentale-reglement-fonctionnement-2018.pdf", "2b9c76439861ae690d5facc5bfeb636bb7e2b37a7a86abf6b0455492e1ae4177",
    "sergehardy/creche-tybugale-test@0168687bebde899b8f8032ade1149c75e15f3137:assets/files/rglt-fonctionnement-septembre-2018(1).pdf",
)
FRANCE_STRATEGIE_ZAN = (
    "france-strategie-zero-artificialisation-nette-2019.pdf", "1aff381f2e8f54a68431bce4e88248551cdac9792a9636b2370bc147733d906d",
    "foncier-eco/foncier-eco.github.io@0953f93af80ec752d2ff2fd190b9d42c7f800147:references/syntheses/rapport-artificialisation-fs-2019.pdf",
)
BDE_INSA_CVL = (
    "bde-insa-cvl-statuts-2020.pdf", "64c88633a4268037ca15a2cdd1e6244e8f88aa0f1b3eb1dff6c71c066fbf9cb7",
    "Campus-INSA-CVL/campus-website@201986a57ac12ca43ca534c9cbd771e9fbb9bfe8:static/federation/bde/statuts.pdf",
)
GUIDE_USAGERS_ANC = (
    "medde-guide-usagers-assainissement-non-collectif-2012.pdf", "18f2a67905936f2435672441426bedba9e77154521a92e7809bb51b19a5e497d",
    "roboticbentqueryicoatbog/wuut@818f8fe78e084ece78ab02b3892fdd28ca0bff75:public/doc/12032-anc-guide-usagers-complet-02-10-12-light.pdf",
)
AVIRON_TOURS_REGLEMENT = (
    "aviron-tours-metropole-reglement-interieur-2023.pdf", "f49674183aa965fe4af23d84dab0854836b49881e64cd96670e3849689cf9d2c",
    "mpiot/avirontours@563c51f2a486a571853c128f2fef742c1c1c2977:public/files/reglement-interieur.pdf",
)
COOPCYCLE_COOPERATIVE = (
    "coopcycle-monter-cooperative-livraison-velo-2018.pdf", "1df2b51219c363d7bb9f1bbf6cdd6802921843599fffebdaf563e98b74ca52d0",
    "coopcycle/coopcycle-website@c46855d12ee1466014ba5282f82861f578ff8a9b:static/docs/CoopCycle_Monter_une_coopérative.pdf",
)
LUXEUIL_SAISON_CULTURELLE = (
    "luxeuil-les-bains-saison-culturelle-2022-2023.pdf", "ba92381e2943e3f0e379dd685e694bc3990611c7c5750141f2915e9006a7533a",
    "Aurel-Yenyen/pole-culturel-luxeuil@ea5188d204019390dbcbb8c39b0b90b02ef1ea31:webroot/doc/plaquette2022_1.pdf",
)
INVS_MORSURES_CHIEN = (
    "invs-facteurs-gravite-morsures-chien-urgences-2011.pdf", "803736c7b8c3a5c360b5d5997d706bd4b3ae71024d0e9230137ed09930a45366",
    "djibe/recommandations-medicales@fbc75356a9cfb9fb7a34b59bad4a07bc83827a0c:static/print/invs-morsure-chien.pdf",
)
ARRETE_DPE_2021 = (
    "arrete-dpe-logements-31-mars-2021.pdf", "1faa75c4bf5a065ff88a099d82487cc2bac4711fba9f65ff9912acef99ce77fb",
    "dpe-audit/dpe-logement@dbe256d4da3c3125bfec64d77c181bc038808600:doctrine/corpus/arrete-20210331.pdf",
)
LA_LOUVE_MANUEL = (
    "la-louve-manuel-des-membres-2020.pdf", "3b448d464b27664216c1255ba8d95913679f38a274bb2a8f1dc28f5b26f8859c",
    "AwesomeFoodCoops/louve_member_space@f258cc06e5f3dd5f9399280ef302a821b2269517:html/public/pdfs/Manuel_membres_La_Louve.pdf",
)
BICYCLETTE_BRUZOISE = (
    "bicyclette-bruzoise-reglement-interieur-2020.pdf", "41e6ff3f981d3ede2608fd0e53f210389d6c3db75098cf92c0874c51dc4354ac",
    "bisyclettebruzoisecom-debug/Bicyclette-Bruzoise@04cef57fcc7e15050d35e6d7dcd573c3c5fe5d0c:assets/pdf/reglement.pdf",
)
MONDOR_GREFFE_FOIE = (
    "chu-henri-mondor-livret-transplantation-hepatique-2016.pdf", "48c771503e0f4a1d213bfbd4831404f738612e4a5d0cf5cde890b24618a8e662",
    "jphr/ARPHD@b6ec2a2e89ca9d36275c179375d2207e17907613:livret.pdf",
)
ADEME_ECOCITOYEN_BUREAU = (
    "ademe-etre-ecocitoyen-au-bureau-2012.pdf", "f12f3c5d129da5dbfe79fc87d6122a66251c560684b37042dec8fa2cc7ca8150",
    "collectus/collectus@f59ae79c3d052b269fd8dee9cc89226870379f43:guide_ademe_etre_ecocitoyen_au_bureau.pdf",
)
EEDF_JOURNEE_CURIOSITE = (
    "eedf-guide-journee-de-la-curiosite-2018.pdf", "7f83fd4268f850734cc2588b3b395c7f656178eaedd61bf0bb344f973788b0a8",
    "eedf/alter-egaux@d97b046f0192e17e14bb898966c15eea9dfa1bc0:asset/docs/evenements/guide/jc_guide.pdf",
)
LYCEE_STEX_REGLEMENT = (
    "lycee-saint-exupery-mantes-reglement-interieur-2020.pdf", "3d1b8c51aacedb5dcd8e9d284f6368b2cba3693dfbb550262614110c450dae41",
    "tutorat-mantes/tutorat-mantes.github.io@3918d212d6e729326cf1933e4da3c53e7928bbef:reglement_intérieur.pdf",
)
ACTES_RNPAC_AMAP = (
    "interamap44-creamap-actes-rnpac-2016.pdf", "b7c4763bd262f164e85fdc9f98e528a533a4cf7e194f2175c204a30af27ae87d",
    "EasyLinux/LesGumes@391d06cb0848081c9a3e34cf1ab756aae1bb49f8:www/_Old/documentation/association/compte_rendu/AG 2016-03-05 Annexe 2 - Actes RNPAC.pdf",
)
ETIC_REGLEMENT = (
    "etic-insa-technologies-reglement-interieur-2019.pdf", "fe7e155d6d80773c0e27a668da92887467af5838e99b7283c1e7b7a6031b3a32",
    "ETICINSATechnologies/SiteInscription@75efbe16ba07c8b8048452c971ecc5cc7d8c140a:files/reglement_interieur.pdf",
)
DINSIC_CONTRIBUTION = (
    "dinsic-politique-contribution-logiciels-libres-etat-2018.pdf", "55828ce1ba41390f5d6c2d85635a74bf933c289edfdae9b70a9f4f51685c452d",
    "DISIC/politique-de-contribution-open-source@cf21e4cea2b28e259ba7503b5cdb9c614c6ccde3:docs/pocos-dinsic-18052018.pdf",
)
YAPAKA_SEPARATION = (
    "cfwb-temps-d-arret-separation-conjugale-2005.pdf", "82bf53d79bd64e839b3c1a350256b94266c1a1321adff95c37762bf5c2d8b5e7",
    "misterbigood/doc-saemf@0b68817d70096f12e43cc3df9a28534c00e68813:uploads/sites/2/2016/03/Parent-enfant-sÃ©paration-conjugale.pdf",
)
CRR_RENNES_REGLEMENT = (
    "crr-rennes-reglement-interieur-2014.pdf", "c82957d006314b4ec29c2f783c02e8211b7550d0f99e6c37abae630da5a2d670",
    "Fred723/Pavillion-musical@15ef7c8de9e4487960f1422bd86b1000a7c78ee7:reglement.pdf",
)
LYCEE_MONTCHAPET_LIVRET = (
    "lycee-montchapet-dijon-livret-accueil-seconde-2023-2024.pdf", "00a49c3aa17ab49f3e1b3752c7bfe9d920334065fc209ddd0dbd23753492cd94",
    "mdl-montchapet/yanis@0a59aa0905584e7eafd90f8d9240c1919ddee8da:livret.pdf",
)
ARCHERS_ALBERES_REGLEMENT = (
    "archers-alberes-reglement-interieur-2025.pdf", "ceca63f16aa6fc47013969d5f3c2a3217d862f3b7e0dbbe2ffc65808319e6be4",
    "DamienCH33/archersdesalberes-website@d8a3b7f0eefa0dd78d7565c56256ef7dc3c8dce3:public/documents/reglement-interieur.pdf",
)
DMA_RAPPORT_2024 = (
    "dma-rapport-activite-2024.pdf", "fd562c16bb9281610027549e2cb6e83a25321e3321dd4218983f009607172ffc",
    "olivierdelomez/DMA-astro@392c210605633a0da7503cd84de3149f0dc27a71:public/RAPPORT_ACTIVITE_DMA_2024.pdf",
)
CIVA_DECLARATION_RECOLTE = (
    "civa-notice-declaration-recolte-2015.pdf", "3bdd6f8321a685fee57d159f12b89a9a24f7e227d4e3bddda7100d99771b4aa0",
    "24eme/CIVA@7882e9a0ed58586a2513471791b0059db9658d47:project/web/helpPdf/aide_recolte.pdf",
)
MANO_CGU = (
    "sesan-mano-conditions-generales-utilisation-2024.pdf", "3b908fe9c48509b28055c374896c360b013b0ed8ab37fdddfeb9d8b24f45d6d1",
    "SocialGouv/mano@b629bf5bfc0e54b51258f52733e52c7ca8403a87:dashboard/public/cgu.pdf",
)
SDES_CONJONCTURE = (
    "sdes-conjoncture-energetique-t1-2025.pdf", "d3df92663316b22bc27af8a48887824f0b4f8a6a2c54918dd09aee589e547bdc",
    "MateoNaull/Projet-Rag-Energy@cb74a1462847ad2db4a8d8eec9ec6ecd777750f6:data/Conjoncture_energetique_2025.pdf",
)
ALLIANCE_SOCIALE_MARIN = (
    "alliance-sociale-marin-projet-social-2017-2020.pdf", "5144e6b6188b07d35f456ab00f7380f56c34a06730fa21fc5c9bcbe24624d658",
    "Satoshi972/Alliance-Sociale@9259859157577bae732824239319dda7337ea2b5:public/assets/files/projet social 2017-2020.pdf",
)
MASSIAC_DELIBERATIONS = (
    "massiac-deliberations-conseil-municipal-2020-06-09.pdf", "7aa70ea2760093f28c0000698bbce2ab6daf3561cc0b419fc2549ad39c156734",
    "acailly/chateaubourg-plateaux-numeriques@a4d505fff991d65ea4b07134d01a5b14b2b24c82:themes/plateaux-numeriques/exampleSite/content/municipalite/comptes-rendus/2020-06-09/documents/cr.pdf",
)
FONDATION_HARDT_2012 = (
    "fondation-hardt-rapport-annuel-2012.pdf", "04671b73f39724b9f501bc733835fa7f53bacc7028a741ba6225f8095a78d919",
    "qMathey/www_fondationHardt@54790b6b8ac426abc9d6c7fda74555800d401f1e:wp-content/uploads/2014/05/Hardt_Rapport_2012.pdf",
)
PARIS_GUIDE_VIOLENCES_ENFANTS = (
    "ville-de-paris-guide-parents-violences-sexuelles-enfants-2026.pdf", "b3df681f1567fcf3af6c7c6a8d6a479eb12a5293761f341094b0ea4719649148",
    "mehdozz007-stack/les-ptits-trinquat-web-main@2a48583b1fd4f6341034910a5506deac8f584f8b:public/documents/Guide_parents_violences_sexuelles.pdf",
)
NOTICE_VAE_RECEVABILITE = (
    "notice-cerfa-51260-recevabilite-vae-2018.pdf", "1030788e0b1fe25b2f3aac46ecabdb9a03857d49455393981fdaab837fc1ff84",
    "StartupsPoleEmploi/avril@6b05c74596739b3409b21473815abfca34941f37:priv/notice_51260#02.pdf",
)
CANTINE_SAINT_JUST_2020 = (
    "saint-just-en-chaussee-reglement-cantine-2020.pdf", "f0411dbacd08495f782c435f4665a399b3d93562fd00f78c40974fca04be2f73",
    "Boudjerada/Stage-Saint-Just@d58ae3ef581ec4e04826a9f74a1038442153f485:Cantine/REGLEMENT CANTINE AVEC ACCEPTATION 2020.pdf",
)
DITP_PARTICIPATION_CITOYENNE_2019 = (
    "ditp-guide-methodologique-participation-citoyenne-2019.pdf", "579fee2341d17d252b422c7908e50cb3c02434baca27c40dcddc418416f6cb56",
    "consultation-gouv/consultation.gouv.fr@9b38fe0007c176b60ec42ea6588e679de9a3a09c:uploads/guide-methodologique-v4.1.pdf",
)
CHARRAT_REGLEMENT_CONSTRUCTIONS_2007 = (
    "commune-charrat-reglement-des-constructions-2007.pdf", "e98d929b9cfe3bc0903c3656d9f8d9976fc00b44e9598cfac586cfaa5c8caac3",
    "voyageur0/DDOT@56933b9590b5631f37d75d65a4b8af8f669697dc:reglements/VS_Charrat_Règlement des constructions.pdf",
)
APIDAE_TOURISME_STATUTS_2021 = (
    "apidae-tourisme-scic-statuts-2021.pdf", "0621d3fb418a397c7e1b764d53a6a7eb17fb2afb0d238a617fbc06d65aefa43d",
    "apidae-tourisme/apidae-crowdfunding@2873deaaf635c46e15eef54305d9e7ec8f8f1578:public/statuts-apidae-tourisme-scic-sa-v3.pdf",
)
OZ_ENSEMBLE_PRESSE_2023 = (
    "oz-ensemble-dossier-de-presse-defi-de-janvier-2023.pdf", "eda7b567f73935c975a1a9d83bc41dd78b79a34ccc67ecc774007fe08f3f317f",
    "SocialGouv/ozensemble-site@9fa08129a5d3d00bc995d047bcfc1d8baf459fc3:next-app/public/files/Dossier_de_presse_-_2023_-_Defi_de_Janvier.pdf",
)
ANSSI_NIS2_PLAQUETTE_2024 = (
    "anssi-plaquette-directive-nis2-2024.pdf", "321d77e5eb0b4a1df32ac009d3f9473b4371c6a6b34ed1dfe2ee3b5c6938ab3a",
    "betagouv/anssi-nis2@c6a1debc0815be26fc1bd1f9b86de3c5866f7fd4:anssi-nis2-api/statique/Plaquette_NIS2_2024.pdf",
)
AFUP_BAROMETRE_SALAIRES_2014 = (
    "afup-barometre-salaires-php-2014.pdf", "963e478b54cce3677e4d7c573bdcbdeb2b94a232693ea9b908a439f214ccb910",
    "afup/web@3b2fb15564310c876b2697f438da77643a71c40c:htdocs/docs/barometre/BarometreAFUP-Agence-e-2014-Les-salaires-de-l-ecosysteme-PHP-en-France.pdf",
)
SPA_SALON_RAPPORT_2021 = (
    "spa-salon-de-provence-rapport-activite-2021.pdf", "7609299dfdd2a6c1207e837a504b9b81bee9a71e18228f2ce3d172adfddf2f75",
    "Nasagii/CUBES_3@856c6435f5c6430a69637a4be4851756588b1c39:pdf/Rapport-dactivites-SPA-Salon-et-sa-Region-2021-au-24-03-22.pdf",
)
INTERLOIRE_DRM_GUIDE_2021 = (
    "interloire-guide-drm-en-ligne-2021.pdf", "4220851806d6b882842c97f17278667edc1044b8ce3ff2202b0b410ece144fef",
    "24eme/vinsdeloire@d3e75f97d289a374b0e332d8b649e58b52f51589:project/web/data/Enregistrez_vos_DRM_en_ligne-Guide_utilisateur_Janvier_2021.pdf",
)
CNIG_SRU_NIVEAU1 = (
    "standard-cnig-sru-niveau1-2026.pdf", "124e00a67f61858578b428fa2d8e1e71fdce1a52871928f926ba52900aa0662d",
    "cnigfr/structuration-reglement-urbanisme@0949b9b8ccd95d075f456f3c4256aaaa4f5351f1:niveau_1/standard_niveau_1/260303_Standard_CNIG_SRU_niveau1_v2023_rev2026-03.pdf",
)
GART_TARIFICATION_SOCIALE = (
    "dinum-gart-tarification-sociale-2022.pdf", "6871cb5df0efb64f36874c7170f726d3eaec1767866a3a6fc086422bb2acdcae",
    "betagouv/api.gouv.fr@d52c82753c2256b6eb118b22c700b8c93eff0006:public/resources/rapport-gart.pdf",
)
INFILTRABILITE = (
    "cerema-infiltrabilite-sols-2019.pdf", "a2d38259cd6de649d173978aefa0cefec96559381c2de38a131759b5cfc4f409",
    "betagouv/urbanvitaliz@73578da34af8b32152a0182cdfe5987bbf212fb6:_ressources/static/Guide_infiltrabilite_des_sols.pdf",
)

SETS = (
    QuestionSet("report-dev", REPORT_SETS / "dev.jsonl", TUNING),
    QuestionSet("report-heldout", REPORT_SETS / "heldout.jsonl", TUNING),
    QuestionSet("report-unseen", REPORT_SETS / "unseen.jsonl", TUNING),
    QuestionSet(TYPED_REPORT, QUESTIONS / "report-typed.jsonl", TUNING),
    QuestionSet("cantine", QUESTIONS / "cantine.jsonl", TUNING, *CANTINE),
    QuestionSet("raccordement", QUESTIONS / "raccordement.jsonl", TUNING, *RACCORDEMENT),
    QuestionSet("near-topic-report", QUESTIONS / "near-topic-report.jsonl", TUNING),
    QuestionSet("near-topic-cantine", QUESTIONS / "near-topic-cantine.jsonl", TUNING, *CANTINE),
    QuestionSet("near-topic-raccordement", QUESTIONS / "near-topic-raccordement.jsonl", TUNING, *RACCORDEMENT),
    QuestionSet("competences", QUESTIONS / "competences.jsonl", UNSEEN, *COMPETENCES),
    QuestionSet("impermeabilisation", QUESTIONS / "impermeabilisation.jsonl", UNSEEN, *IMPERMEABILISATION),
    QuestionSet("classement", QUESTIONS / "classement-reseaux-chaleur.jsonl", TUNING, *CLASSEMENT),
    QuestionSet("nomenclature", QUESTIONS / "nomenclature-eau.jsonl", TUNING, *NOMENCLATURE),
    QuestionSet("near-topic-nomenclature", QUESTIONS / "near-topic-nomenclature-eau.jsonl", TUNING, *NOMENCLATURE),
    QuestionSet("services-numeriques", QUESTIONS / "services-numeriques.jsonl", TUNING, *SERVICES),
    QuestionSet("near-topic-services-numeriques", QUESTIONS / "near-topic-services-numeriques.jsonl", TUNING, *SERVICES),
    QuestionSet("panorama-ess", QUESTIONS / "panorama-ess.jsonl", TUNING, *PANORAMA),
    QuestionSet("near-topic-panorama-ess", QUESTIONS / "near-topic-panorama-ess.jsonl", TUNING, *PANORAMA),
    QuestionSet("auto-entrepreneur", QUESTIONS / "auto-entrepreneur.jsonl", TUNING, *AUTO_ENTREPRENEUR),
    QuestionSet("near-topic-auto-entrepreneur", QUESTIONS / "near-topic-auto-entrepreneur.jsonl", TUNING, *AUTO_ENTREPRENEUR),
    QuestionSet("star-dt", QUESTIONS / "star-dt.jsonl", TUNING, *STAR_DT),
    QuestionSet("near-topic-star-dt", QUESTIONS / "near-topic-star-dt.jsonl", TUNING, *STAR_DT),
    QuestionSet("gibier-sauvage", QUESTIONS / "gibier-sauvage.jsonl", TUNING, *GIBIER),
    QuestionSet("near-topic-gibier-sauvage", QUESTIONS / "near-topic-gibier-sauvage.jsonl", TUNING, *GIBIER),
    QuestionSet("histologe", QUESTIONS / "histologe.jsonl", TUNING, *HISTOLOGE),
    QuestionSet("near-topic-histologe", QUESTIONS / "near-topic-histologe.jsonl", TUNING, *HISTOLOGE),
    QuestionSet("cnil-securite", QUESTIONS / "cnil-securite.jsonl", TUNING, *CNIL),
    QuestionSet("near-topic-cnil-securite", QUESTIONS / "near-topic-cnil-securite.jsonl", TUNING, *CNIL),
    QuestionSet("syndicats", QUESTIONS / "syndicats.jsonl", TUNING, *SYNDICATS),
    QuestionSet("near-topic-syndicats", QUESTIONS / "near-topic-syndicats.jsonl", TUNING, *SYNDICATS),
    QuestionSet("impact-numerique", QUESTIONS / "impact-numerique.jsonl", TUNING, *IMPACT_NUMERIQUE),
    QuestionSet("near-topic-impact-numerique", QUESTIONS / "near-topic-impact-numerique.jsonl", TUNING, *IMPACT_NUMERIQUE),
    QuestionSet("rob-cabestany", QUESTIONS / "rob-cabestany.jsonl", TUNING, *ROB_CABESTANY),
    QuestionSet("near-topic-rob-cabestany", QUESTIONS / "near-topic-rob-cabestany.jsonl", TUNING, *ROB_CABESTANY),
    QuestionSet("plan-relance", QUESTIONS / "plan-relance-agricole.jsonl", TUNING, *PLAN_RELANCE),
    QuestionSet("near-topic-plan-relance", QUESTIONS / "near-topic-plan-relance-agricole.jsonl", TUNING, *PLAN_RELANCE),
    QuestionSet("transformation-etat", QUESTIONS / "plan-transformation-etat.jsonl", TUNING, *TRANSFORMATION_ETAT),
    QuestionSet("near-topic-transformation-etat", QUESTIONS / "near-topic-plan-transformation-etat.jsonl", TUNING, *TRANSFORMATION_ETAT),
    QuestionSet("eaip-inondations", QUESTIONS / "eaip-inondations.jsonl", TUNING, *EAIP_INONDATIONS),
    QuestionSet("near-topic-eaip-inondations", QUESTIONS / "near-topic-eaip-inondations.jsonl", TUNING, *EAIP_INONDATIONS),
    QuestionSet("mandataires-enquete", QUESTIONS / "mandataires-enquete.jsonl", UNSEEN, *MANDATAIRES),
    QuestionSet("near-topic-mandataires-enquete", QUESTIONS / "near-topic-mandataires-enquete.jsonl", UNSEEN, *MANDATAIRES),
    QuestionSet("rpqs-dechets", QUESTIONS / "rpqs-dechets.jsonl", UNSEEN, *RPQS_DECHETS),
    QuestionSet("near-topic-rpqs-dechets", QUESTIONS / "near-topic-rpqs-dechets.jsonl", UNSEEN, *RPQS_DECHETS),
    QuestionSet("scic-sport", QUESTIONS / "scic-sport.jsonl", UNSEEN, *SCIC_SPORT),
    QuestionSet("economie-circulaire", QUESTIONS / "economie-circulaire.jsonl", UNSEEN, *ECONOMIE_CIRCULAIRE),
    QuestionSet("trajectoire-snbc", QUESTIONS / "trajectoire-snbc.jsonl", UNSEEN, *TRAJECTOIRE),
    QuestionSet("near-topic-trajectoire-snbc", QUESTIONS / "near-topic-trajectoire-snbc.jsonl", UNSEEN, *TRAJECTOIRE),
    QuestionSet("loi-anti-gaspillage", QUESTIONS / "loi-anti-gaspillage.jsonl", UNSEEN, *ANTI_GASPILLAGE),
    QuestionSet("ami-orientation", QUESTIONS / "ami-orientation.jsonl", UNSEEN, *AMI_ORIENTATION),
    QuestionSet("near-topic-ami-orientation", QUESTIONS / "near-topic-ami-orientation.jsonl", UNSEEN, *AMI_ORIENTATION),
    QuestionSet("marches-publics", QUESTIONS / "marches-publics-restauration.jsonl", UNSEEN, *MARCHES_PUBLICS),
    QuestionSet("near-topic-marches-publics", QUESTIONS / "near-topic-marches-publics-restauration.jsonl", UNSEEN, *MARCHES_PUBLICS),
    QuestionSet("accessibilite-voirie", QUESTIONS / "accessibilite-voirie.jsonl", UNSEEN, *ACCESSIBILITE_VOIRIE),
    QuestionSet("near-topic-accessibilite-voirie", QUESTIONS / "near-topic-accessibilite-voirie.jsonl", UNSEEN, *ACCESSIBILITE_VOIRIE),
    QuestionSet("near-topic-loi-anti-gaspillage", QUESTIONS / "near-topic-loi-anti-gaspillage.jsonl", UNSEEN, *ANTI_GASPILLAGE),
    QuestionSet("bilan-mesure-numerique", QUESTIONS / "bilan-mesure-numerique.jsonl", TUNING, *BILAN_MESURE),
    QuestionSet("pcrs-craig", QUESTIONS / "pcrs-craig.jsonl", TUNING, *PCRS_CRAIG),
    QuestionSet("egalim-bilan-2022", QUESTIONS / "egalim-bilan-2022.jsonl", TUNING, *EGALIM_BILAN),
    QuestionSet("guide-pedagogique", QUESTIONS / "guide-pedagogique.jsonl", TUNING, *GUIDE_PEDAGOGIQUE),
    QuestionSet("commissions-menus", QUESTIONS / "commissions-menus.jsonl", UNSEEN, *COMMISSIONS_MENUS),
    QuestionSet("ecoconception-sne", QUESTIONS / "ecoconception-sne.jsonl", UNSEEN, *ECOCONCEPTION_SNE),
    QuestionSet("salaries-proteges", QUESTIONS / "salaries-proteges.jsonl", UNSEEN, *SALARIES_PROTEGES),
    QuestionSet("conseil-pierrefonds", QUESTIONS / "conseil-pierrefonds.jsonl", UNSEEN, *CONSEIL_PIERREFONDS),
    QuestionSet("otp2-calculateur", QUESTIONS / "otp2-calculateur.jsonl", UNSEEN, *OTP2_CALCULATEUR),
    QuestionSet("near-topic-otp2-calculateur", QUESTIONS / "near-topic-otp2-calculateur.jsonl", UNSEEN, *OTP2_CALCULATEUR),
    QuestionSet("domifa-guide", QUESTIONS / "domifa-guide.jsonl", UNSEEN, *DOMIFA_GUIDE),
    QuestionSet("near-topic-domifa-guide", QUESTIONS / "near-topic-domifa-guide.jsonl", UNSEEN, *DOMIFA_GUIDE),
    QuestionSet("spip92-plateau", QUESTIONS / "spip92-plateau.jsonl", TUNING, *SPIP92_PLATEAU),
    QuestionSet("near-topic-spip92-plateau", QUESTIONS / "near-topic-spip92-plateau.jsonl", TUNING, *SPIP92_PLATEAU),
    QuestionSet("ecrins-forets", QUESTIONS / "ecrins-forets.jsonl", TUNING, *ECRINS_FORETS),
    QuestionSet("near-topic-ecrins-forets", QUESTIONS / "near-topic-ecrins-forets.jsonl", TUNING, *ECRINS_FORETS),
    QuestionSet("usea-stage", QUESTIONS / "usea-stage.jsonl", TUNING, *USEA_STAGE),
    QuestionSet("near-topic-usea-stage", QUESTIONS / "near-topic-usea-stage.jsonl", TUNING, *USEA_STAGE),
    QuestionSet("mon-soutien-psy", QUESTIONS / "mon-soutien-psy.jsonl", TUNING, *MON_SOUTIEN_PSY),
    QuestionSet("near-topic-mon-soutien-psy", QUESTIONS / "near-topic-mon-soutien-psy.jsonl", TUNING, *MON_SOUTIEN_PSY),
    QuestionSet("flash-zan", QUESTIONS / "flash-zan.jsonl", TUNING, *FLASH_ZAN),
    QuestionSet("near-topic-flash-zan", QUESTIONS / "near-topic-flash-zan.jsonl", TUNING, *FLASH_ZAN),
    QuestionSet("covid-salaries", QUESTIONS / "covid-salaries.jsonl", TUNING, *COVID_SALARIES),
    QuestionSet("near-topic-covid-salaries", QUESTIONS / "near-topic-covid-salaries.jsonl", TUNING, *COVID_SALARIES),
    QuestionSet("transition-kantar", QUESTIONS / "transition-kantar.jsonl", TUNING, *TRANSITION_KANTAR),
    QuestionSet("near-topic-transition-kantar", QUESTIONS / "near-topic-transition-kantar.jsonl", TUNING, *TRANSITION_KANTAR),
    QuestionSet("betagouv-bilan", QUESTIONS / "betagouv-bilan.jsonl", TUNING, *BETAGOUV_BILAN),
    QuestionSet("near-topic-betagouv-bilan", QUESTIONS / "near-topic-betagouv-bilan.jsonl", TUNING, *BETAGOUV_BILAN),
    QuestionSet("sifa-instructions", QUESTIONS / "sifa-instructions.jsonl", UNSEEN, *SIFA_INSTRUCTIONS),
    QuestionSet("near-topic-sifa-instructions", QUESTIONS / "near-topic-sifa-instructions.jsonl", UNSEEN, *SIFA_INSTRUCTIONS),
    QuestionSet("energie-patrimoine-communal", QUESTIONS / "energie-patrimoine-communal.jsonl", UNSEEN, *ENERGIE_PATRIMOINE),
    QuestionSet("near-topic-energie-patrimoine-communal", QUESTIONS / "near-topic-energie-patrimoine-communal.jsonl", UNSEEN, *ENERGIE_PATRIMOINE),
    QuestionSet("egapro-solen", QUESTIONS / "egapro-solen.jsonl", TUNING, *EGAPRO_SOLEN),
    QuestionSet("near-topic-egapro-solen", QUESTIONS / "near-topic-egapro-solen.jsonl", TUNING, *EGAPRO_SOLEN),
    QuestionSet("geremi-guide", QUESTIONS / "geremi-guide.jsonl", TUNING, *GEREMI_GUIDE),
    QuestionSet("near-topic-geremi-guide", QUESTIONS / "near-topic-geremi-guide.jsonl", TUNING, *GEREMI_GUIDE),
    QuestionSet("ecopass-charte", QUESTIONS / "ecopass-charte.jsonl", TUNING, *ECOPASS_CHARTE),
    QuestionSet("near-topic-ecopass-charte", QUESTIONS / "near-topic-ecopass-charte.jsonl", TUNING, *ECOPASS_CHARTE),
    QuestionSet("anc-comptes-asso", QUESTIONS / "anc-comptes-asso.jsonl", TUNING, *ANC_COMPTES_ASSO),
    QuestionSet("near-topic-anc-comptes-asso", QUESTIONS / "near-topic-anc-comptes-asso.jsonl", TUNING, *ANC_COMPTES_ASSO),
    QuestionSet("transport-obligations", QUESTIONS / "transport-obligations.jsonl", UNSEEN, *TRANSPORT_OBLIGATIONS),
    QuestionSet("near-topic-transport-obligations", QUESTIONS / "near-topic-transport-obligations.jsonl", UNSEEN, *TRANSPORT_OBLIGATIONS),
    QuestionSet("stop-punaises", QUESTIONS / "stop-punaises.jsonl", UNSEEN, *STOP_PUNAISES),
    QuestionSet("near-topic-stop-punaises", QUESTIONS / "near-topic-stop-punaises.jsonl", UNSEEN, *STOP_PUNAISES),
    QuestionSet("agroecologie-viticulture", QUESTIONS / "agroecologie-viticulture.jsonl", TUNING, *AGROECOLOGIE_VITICULTURE),
    QuestionSet("near-topic-agroecologie-viticulture", QUESTIONS / "near-topic-agroecologie-viticulture.jsonl", TUNING, *AGROECOLOGIE_VITICULTURE),
    QuestionSet("atlas-paysages", QUESTIONS / "atlas-paysages.jsonl", TUNING, *ATLAS_PAYSAGES),
    QuestionSet("near-topic-atlas-paysages", QUESTIONS / "near-topic-atlas-paysages.jsonl", TUNING, *ATLAS_PAYSAGES),
    QuestionSet("gard-feux-foret", QUESTIONS / "gard-feux-foret.jsonl", TUNING, *GARD_FEUX_FORET),
    QuestionSet("near-topic-gard-feux-foret", QUESTIONS / "near-topic-gard-feux-foret.jsonl", TUNING, *GARD_FEUX_FORET),
    QuestionSet("pulse-elles-ensemble", QUESTIONS / "pulse-elles-ensemble.jsonl", TUNING, *PULSE_ELLES_ENSEMBLE),
    QuestionSet("near-topic-pulse-elles-ensemble", QUESTIONS / "near-topic-pulse-elles-ensemble.jsonl", TUNING, *PULSE_ELLES_ENSEMBLE),
    QuestionSet("dessertes-foret", QUESTIONS / "dessertes-foret.jsonl", TUNING, *DESSERTES_FORET),
    QuestionSet("near-topic-dessertes-foret", QUESTIONS / "near-topic-dessertes-foret.jsonl", TUNING, *DESSERTES_FORET),
    QuestionSet("sais-projet-etablissement", QUESTIONS / "sais-projet-etablissement.jsonl", TUNING, *SAIS_PROJET),
    QuestionSet("near-topic-sais-projet-etablissement", QUESTIONS / "near-topic-sais-projet-etablissement.jsonl", TUNING, *SAIS_PROJET),
    QuestionSet("sais-rapport-activite", QUESTIONS / "sais-rapport-activite.jsonl", TUNING, *SAIS_ACTIVITE),
    QuestionSet("near-topic-sais-rapport-activite", QUESTIONS / "near-topic-sais-rapport-activite.jsonl", TUNING, *SAIS_ACTIVITE),
    QuestionSet("place-entreprises", QUESTIONS / "place-entreprises.jsonl", TUNING, *PLACE_ENTREPRISES),
    QuestionSet("near-topic-place-entreprises", QUESTIONS / "near-topic-place-entreprises.jsonl", TUNING, *PLACE_ENTREPRISES),
    QuestionSet("cdsea-gestion-2011", QUESTIONS / "cdsea-gestion-2011.jsonl", TUNING, *CDSEA_GESTION_2011),
    QuestionSet("near-topic-cdsea-gestion-2011", QUESTIONS / "near-topic-cdsea-gestion-2011.jsonl", TUNING, *CDSEA_GESTION_2011),
    QuestionSet("cdsea-gestion-2013", QUESTIONS / "cdsea-gestion-2013.jsonl", TUNING, *CDSEA_GESTION_2013),
    QuestionSet("near-topic-cdsea-gestion-2013", QUESTIONS / "near-topic-cdsea-gestion-2013.jsonl", TUNING, *CDSEA_GESTION_2013),
    QuestionSet("cnig-sru-niveau1", QUESTIONS / "cnig-sru-niveau1.jsonl", UNSEEN, *CNIG_SRU_NIVEAU1),
    QuestionSet("near-topic-cnig-sru-niveau1", QUESTIONS / "near-topic-cnig-sru-niveau1.jsonl", UNSEEN, *CNIG_SRU_NIVEAU1),
    QuestionSet("gart-tarification-sociale", QUESTIONS / "gart-tarification-sociale.jsonl", UNSEEN, *GART_TARIFICATION_SOCIALE),
    QuestionSet("near-topic-gart-tarification-sociale", QUESTIONS / "near-topic-gart-tarification-sociale.jsonl", UNSEEN, *GART_TARIFICATION_SOCIALE),
    QuestionSet("fabmob-statuts", QUESTIONS / "fabmob-statuts.jsonl", UNSEEN, *FABMOB_STATUTS),
    QuestionSet("near-topic-fabmob-statuts", QUESTIONS / "near-topic-fabmob-statuts.jsonl", UNSEEN, *FABMOB_STATUTS),
    QuestionSet("betagouv-bilan-2023", QUESTIONS / "betagouv-bilan-2023.jsonl", UNSEEN, *BETAGOUV_BILAN_2023),
    QuestionSet("near-topic-betagouv-bilan-2023", QUESTIONS / "near-topic-betagouv-bilan-2023.jsonl", UNSEEN, *BETAGOUV_BILAN_2023),
    QuestionSet("lpo-rapaces-nicheurs", QUESTIONS / "lpo-rapaces-nicheurs.jsonl", UNSEEN, *LPO_RAPACES),
    QuestionSet("near-topic-lpo-rapaces-nicheurs", QUESTIONS / "near-topic-lpo-rapaces-nicheurs.jsonl", UNSEEN, *LPO_RAPACES),
    QuestionSet("etude-ancrage", QUESTIONS / "etude-ancrage.jsonl", TUNING, *RNF_ANCRAGE),
    QuestionSet("near-topic-etude-ancrage", QUESTIONS / "near-topic-etude-ancrage.jsonl", TUNING, *RNF_ANCRAGE),
    QuestionSet("asl-livre-blanc", QUESTIONS / "asl-livre-blanc.jsonl", TUNING, *MJC_ASL),
    QuestionSet("near-topic-asl-livre-blanc", QUESTIONS / "near-topic-asl-livre-blanc.jsonl", TUNING, *MJC_ASL),
    QuestionSet("cyclab-potentialites", QUESTIONS / "cyclab-potentialites.jsonl", TUNING, *CYCLAB),
    QuestionSet("near-topic-cyclab-potentialites", QUESTIONS / "near-topic-cyclab-potentialites.jsonl", TUNING, *CYCLAB),
    QuestionSet("poesie-rennes", QUESTIONS / "poesie-rennes.jsonl", TUNING, *POESIE_RENNES),
    QuestionSet("near-topic-poesie-rennes", QUESTIONS / "near-topic-poesie-rennes.jsonl", TUNING, *POESIE_RENNES),
    QuestionSet("algorithmes-publics", QUESTIONS / "algorithmes-publics.jsonl", TUNING, *ETALAB_ALGORITHMES),
    QuestionSet("near-topic-algorithmes-publics", QUESTIONS / "near-topic-algorithmes-publics.jsonl", TUNING, *ETALAB_ALGORITHMES),
    QuestionSet("projet-enfance-jeunesse", QUESTIONS / "projet-enfance-jeunesse.jsonl", TUNING, *MJC_ENFANCE_JEUNESSE),
    QuestionSet("near-topic-projet-enfance-jeunesse", QUESTIONS / "near-topic-projet-enfance-jeunesse.jsonl", TUNING, *MJC_ENFANCE_JEUNESSE),
    QuestionSet("eig-rapport", QUESTIONS / "eig-rapport.jsonl", TUNING, *EIG_RAPPORT),
    QuestionSet("near-topic-eig-rapport", QUESTIONS / "near-topic-eig-rapport.jsonl", TUNING, *EIG_RAPPORT),
    QuestionSet("commerce-equitable", QUESTIONS / "commerce-equitable.jsonl", UNSEEN, *COMMERCE_EQUITABLE),
    QuestionSet("near-topic-commerce-equitable", QUESTIONS / "near-topic-commerce-equitable.jsonl", UNSEEN, *COMMERCE_EQUITABLE),
    QuestionSet("poesie-rennes-2019", QUESTIONS / "poesie-rennes-2019.jsonl", TUNING, *POESIE_RENNES_2019),
    QuestionSet("near-topic-poesie-rennes-2019", QUESTIONS / "near-topic-poesie-rennes-2019.jsonl", TUNING, *POESIE_RENNES_2019),
    QuestionSet("csc-ostwald", QUESTIONS / "csc-ostwald.jsonl", UNSEEN, *CSC_OSTWALD),
    QuestionSet("near-topic-csc-ostwald", QUESTIONS / "near-topic-csc-ostwald.jsonl", UNSEEN, *CSC_OSTWALD),
    QuestionSet("mitemps-guide", QUESTIONS / "mitemps-guide.jsonl", TUNING, *CERTU_MITEMPS),
    QuestionSet("near-topic-mitemps-guide", QUESTIONS / "near-topic-mitemps-guide.jsonl", TUNING, *CERTU_MITEMPS),
    QuestionSet("fresque-donnee", QUESTIONS / "fresque-donnee.jsonl", UNSEEN, *FRESQUE_DONNEE_CD93),
    QuestionSet("near-topic-fresque-donnee", QUESTIONS / "near-topic-fresque-donnee.jsonl", UNSEEN, *FRESQUE_DONNEE_CD93),
    QuestionSet("mission-locale-2019", QUESTIONS / "mission-locale-2019.jsonl", TUNING, *MISSION_LOCALE_2019),
    QuestionSet("near-topic-mission-locale-2019", QUESTIONS / "near-topic-mission-locale-2019.jsonl", TUNING, *MISSION_LOCALE_2019),
    QuestionSet("mission-locale-2018", QUESTIONS / "mission-locale-2018.jsonl", TUNING, *MISSION_LOCALE_2018),
    QuestionSet("near-topic-mission-locale-2018", QUESTIONS / "near-topic-mission-locale-2018.jsonl", TUNING, *MISSION_LOCALE_2018),
    QuestionSet("mjc-morlaix", QUESTIONS / "mjc-morlaix.jsonl", TUNING, *MJC_MORLAIX),
    QuestionSet("near-topic-mjc-morlaix", QUESTIONS / "near-topic-mjc-morlaix.jsonl", TUNING, *MJC_MORLAIX),
    QuestionSet("cnig-sup", QUESTIONS / "cnig-sup.jsonl", TUNING, *CNIG_SUP),
    QuestionSet("near-topic-cnig-sup", QUESTIONS / "near-topic-cnig-sup.jsonl", TUNING, *CNIG_SUP),
    QuestionSet("main-tendue-31", QUESTIONS / "main-tendue-31.jsonl", TUNING, *MAIN_TENDUE_31),
    QuestionSet("near-topic-main-tendue-31", QUESTIONS / "near-topic-main-tendue-31.jsonl", TUNING, *MAIN_TENDUE_31),
    QuestionSet("avis-citoyen-mia", QUESTIONS / "avis-citoyen-mia.jsonl", UNSEEN, *AVIS_CITOYEN_MIA),
    QuestionSet("near-topic-avis-citoyen-mia", QUESTIONS / "near-topic-avis-citoyen-mia.jsonl", UNSEEN, *AVIS_CITOYEN_MIA),
    QuestionSet("cm-chemere", QUESTIONS / "cm-chemere.jsonl", UNSEEN, *CM_CHEMERE),
    QuestionSet("near-topic-cm-chemere", QUESTIONS / "near-topic-cm-chemere.jsonl", UNSEEN, *CM_CHEMERE),
    QuestionSet("getigne-padd", QUESTIONS / "getigne-padd.jsonl", UNSEEN, *GETIGNE_PADD),
    QuestionSet("near-topic-getigne-padd", QUESTIONS / "near-topic-getigne-padd.jsonl", UNSEEN, *GETIGNE_PADD),
    QuestionSet("prilly-assemblee-climat", QUESTIONS / "prilly-assemblee-climat.jsonl", TUNING, *PRILLY_ASSEMBLEE_CLIMAT),
    QuestionSet("near-topic-prilly-assemblee-climat", QUESTIONS / "near-topic-prilly-assemblee-climat.jsonl", TUNING, *PRILLY_ASSEMBLEE_CLIMAT),
    QuestionSet("caf-annecy-sorties", QUESTIONS / "caf-annecy-sorties.jsonl", TUNING, *CAF_ANNECY_SORTIES),
    QuestionSet("near-topic-caf-annecy-sorties", QUESTIONS / "near-topic-caf-annecy-sorties.jsonl", TUNING, *CAF_ANNECY_SORTIES),
    QuestionSet("diagfeux-guide", QUESTIONS / "diagfeux-guide.jsonl", TUNING, *DIAGFEUX_GUIDE),
    QuestionSet("near-topic-diagfeux-guide", QUESTIONS / "near-topic-diagfeux-guide.jsonl", TUNING, *DIAGFEUX_GUIDE),
    QuestionSet("centre-social-cosne", QUESTIONS / "centre-social-cosne.jsonl", TUNING, *CENTRE_SOCIAL_COSNE),
    QuestionSet("near-topic-centre-social-cosne", QUESTIONS / "near-topic-centre-social-cosne.jsonl", TUNING, *CENTRE_SOCIAL_COSNE),
    QuestionSet("recours-redevances", QUESTIONS / "recours-redevances.jsonl", UNSEEN, *RECOURS_REDEVANCES),
    QuestionSet("near-topic-recours-redevances", QUESTIONS / "near-topic-recours-redevances.jsonl", UNSEEN, *RECOURS_REDEVANCES),
    QuestionSet("services-publics-locaux", QUESTIONS / "services-publics-locaux.jsonl", UNSEEN, *SERVICES_PUBLICS_LOCAUX),
    QuestionSet("near-topic-services-publics-locaux", QUESTIONS / "near-topic-services-publics-locaux.jsonl", UNSEEN, *SERVICES_PUBLICS_LOCAUX),
    QuestionSet("preuilly-cm-2020", QUESTIONS / "preuilly-cm-2020.jsonl", TUNING, *PREUILLY_CM_2020),
    QuestionSet("near-topic-preuilly-cm-2020", QUESTIONS / "near-topic-preuilly-cm-2020.jsonl", TUNING, *PREUILLY_CM_2020),
    QuestionSet("monaidecyber-cgu", QUESTIONS / "monaidecyber-cgu.jsonl", TUNING, *MONAIDECYBER_CGU),
    QuestionSet("near-topic-monaidecyber-cgu", QUESTIONS / "near-topic-monaidecyber-cgu.jsonl", TUNING, *MONAIDECYBER_CGU),
    QuestionSet("geneve-strategie-open-source", QUESTIONS / "geneve-strategie-open-source.jsonl", TUNING, *GENEVE_OPEN_SOURCE),
    QuestionSet("near-topic-geneve-strategie-open-source", QUESTIONS / "near-topic-geneve-strategie-open-source.jsonl", TUNING, *GENEVE_OPEN_SOURCE),
    QuestionSet("zeste-de-savoir-ago", QUESTIONS / "zeste-de-savoir-ago.jsonl", TUNING, *ZESTE_DE_SAVOIR_AGO),
    QuestionSet("near-topic-zeste-de-savoir-ago", QUESTIONS / "near-topic-zeste-de-savoir-ago.jsonl", TUNING, *ZESTE_DE_SAVOIR_AGO),
    QuestionSet("anc-esrs-e1", QUESTIONS / "anc-esrs-e1.jsonl", TUNING, *ANC_ESRS_E1),
    QuestionSet("near-topic-anc-esrs-e1", QUESTIONS / "near-topic-anc-esrs-e1.jsonl", TUNING, *ANC_ESRS_E1),
    QuestionSet("oeuvres-sociales-notariat", QUESTIONS / "oeuvres-sociales-notariat.jsonl", UNSEEN, *OEUVRES_SOCIALES_NOTARIAT),
    QuestionSet("near-topic-oeuvres-sociales-notariat", QUESTIONS / "near-topic-oeuvres-sociales-notariat.jsonl", UNSEEN, *OEUVRES_SOCIALES_NOTARIAT),
    QuestionSet("merignac-sport-sante", QUESTIONS / "merignac-sport-sante.jsonl", UNSEEN, *MERIGNAC_SPORT_SANTE),
    QuestionSet("near-topic-merignac-sport-sante", QUESTIONS / "near-topic-merignac-sport-sante.jsonl", UNSEEN, *MERIGNAC_SPORT_SANTE),
    QuestionSet("creche-capucine-reglement", QUESTIONS / "creche-capucine-reglement.jsonl", TUNING, *CRECHE_CAPUCINE_RI),
    QuestionSet("near-topic-creche-capucine-reglement", QUESTIONS / "near-topic-creche-capucine-reglement.jsonl", TUNING, *CRECHE_CAPUCINE_RI),
    QuestionSet("fnpc-reglement-interieur", QUESTIONS / "fnpc-reglement-interieur.jsonl", TUNING, *FNPC_REGLEMENT_INTERIEUR),
    QuestionSet("near-topic-fnpc-reglement-interieur", QUESTIONS / "near-topic-fnpc-reglement-interieur.jsonl", TUNING, *FNPC_REGLEMENT_INTERIEUR),
    QuestionSet("cvl-guide-porteur-feder", QUESTIONS / "cvl-guide-porteur-feder.jsonl", TUNING, *CVL_GUIDE_FEDER),
    QuestionSet("near-topic-cvl-guide-porteur-feder", QUESTIONS / "near-topic-cvl-guide-porteur-feder.jsonl", TUNING, *CVL_GUIDE_FEDER),
    QuestionSet("roannais-agglo-pv-2021", QUESTIONS / "roannais-agglo-pv-2021.jsonl", TUNING, *ROANNAIS_PV_2021),
    QuestionSet("near-topic-roannais-agglo-pv-2021", QUESTIONS / "near-topic-roannais-agglo-pv-2021.jsonl", TUNING, *ROANNAIS_PV_2021),
    QuestionSet("ch-commercy-sad-livret", QUESTIONS / "ch-commercy-sad-livret.jsonl", TUNING, *CH_COMMERCY_SAD),
    QuestionSet("near-topic-ch-commercy-sad-livret", QUESTIONS / "near-topic-ch-commercy-sad-livret.jsonl", TUNING, *CH_COMMERCY_SAD),
    QuestionSet("saint-loup-cammas-pv-2023", QUESTIONS / "saint-loup-cammas-pv-2023.jsonl", UNSEEN, *SAINT_LOUP_CAMMAS_PV_2023),
    QuestionSet("near-topic-saint-loup-cammas-pv-2023", QUESTIONS / "near-topic-saint-loup-cammas-pv-2023.jsonl", UNSEEN, *SAINT_LOUP_CAMMAS_PV_2023),
    QuestionSet("protocole-covid-hebergement", QUESTIONS / "protocole-covid-hebergement.jsonl", UNSEEN, *PROTOCOLE_COVID_HEBERGEMENT),
    QuestionSet("near-topic-protocole-covid-hebergement", QUESTIONS / "near-topic-protocole-covid-hebergement.jsonl", UNSEEN, *PROTOCOLE_COVID_HEBERGEMENT),
    QuestionSet("drees-dependance-2013", QUESTIONS / "drees-dependance-2013.jsonl", TUNING, *DREES_DEPENDANCE),
    QuestionSet("near-topic-drees-dependance-2013", QUESTIONS / "near-topic-drees-dependance-2013.jsonl", TUNING, *DREES_DEPENDANCE),
    QuestionSet("college-fabre-reglement-interieur", QUESTIONS / "college-fabre-reglement-interieur.jsonl", TUNING, *COLLEGE_FABRE),
    QuestionSet("near-topic-college-fabre-reglement-interieur", QUESTIONS / "near-topic-college-fabre-reglement-interieur.jsonl", TUNING, *COLLEGE_FABRE),
    QuestionSet("msp-vedene-projet-sante", QUESTIONS / "msp-vedene-projet-sante.jsonl", TUNING, *MSP_VEDENE),
    QuestionSet("near-topic-msp-vedene-projet-sante", QUESTIONS / "near-topic-msp-vedene-projet-sante.jsonl", TUNING, *MSP_VEDENE),
    QuestionSet("valais-plan-climat", QUESTIONS / "valais-plan-climat.jsonl", UNSEEN, *VALAIS_PLAN_CLIMAT),
    QuestionSet("near-topic-valais-plan-climat", QUESTIONS / "near-topic-valais-plan-climat.jsonl", UNSEEN, *VALAIS_PLAN_CLIMAT),
    QuestionSet("roundnet-regles-2021", QUESTIONS / "roundnet-regles-2021.jsonl", UNSEEN, *ROUNDNET_REGLES),
    QuestionSet("near-topic-roundnet-regles-2021", QUESTIONS / "near-topic-roundnet-regles-2021.jsonl", UNSEEN, *ROUNDNET_REGLES),
    QuestionSet("stages-a-distance-3e", QUESTIONS / "stages-a-distance-3e.jsonl", TUNING, *STAGES_A_DISTANCE_3E),
    QuestionSet("near-topic-stages-a-distance-3e", QUESTIONS / "near-topic-stages-a-distance-3e.jsonl", TUNING, *STAGES_A_DISTANCE_3E),
    QuestionSet("aoc-pouilly-cahier-des-charges", QUESTIONS / "aoc-pouilly-cahier-des-charges.jsonl", TUNING, *AOC_POUILLY),
    QuestionSet("near-topic-aoc-pouilly-cahier-des-charges", QUESTIONS / "near-topic-aoc-pouilly-cahier-des-charges.jsonl", TUNING, *AOC_POUILLY),
    QuestionSet("chelsea-transport-actif", QUESTIONS / "chelsea-transport-actif.jsonl", UNSEEN, *CHELSEA_TRANSPORT_ACTIF),
    QuestionSet("near-topic-chelsea-transport-actif", QUESTIONS / "near-topic-chelsea-transport-actif.jsonl", UNSEEN, *CHELSEA_TRANSPORT_ACTIF),
    QuestionSet("faq-examens-2020", QUESTIONS / "faq-examens-2020.jsonl", UNSEEN, *FAQ_EXAMENS_2020),
    QuestionSet("near-topic-faq-examens-2020", QUESTIONS / "near-topic-faq-examens-2020.jsonl", UNSEEN, *FAQ_EXAMENS_2020),
    QuestionSet("ppri-isere-amont", QUESTIONS / "ppri-isere-amont.jsonl", TUNING, *PPRI_ISERE_AMONT),
    QuestionSet("near-topic-ppri-isere-amont", QUESTIONS / "near-topic-ppri-isere-amont.jsonl", TUNING, *PPRI_ISERE_AMONT),
    QuestionSet("sst-procedures-2007", QUESTIONS / "sst-procedures-2007.jsonl", TUNING, *SST_PROCEDURES_2007),
    QuestionSet("near-topic-sst-procedures-2007", QUESTIONS / "near-topic-sst-procedures-2007.jsonl", TUNING, *SST_PROCEDURES_2007),
    QuestionSet("gentiana-agenda-2014", QUESTIONS / "gentiana-agenda-2014.jsonl", UNSEEN, *GENTIANA_AGENDA_2014),
    QuestionSet("near-topic-gentiana-agenda-2014", QUESTIONS / "near-topic-gentiana-agenda-2014.jsonl", UNSEEN, *GENTIANA_AGENDA_2014),
    QuestionSet("dinum-convention-services", QUESTIONS / "dinum-convention-services.jsonl", TUNING, *DINUM_CONVENTION_SERVICES),
    QuestionSet("near-topic-dinum-convention-services", QUESTIONS / "near-topic-dinum-convention-services.jsonl", TUNING, *DINUM_CONVENTION_SERVICES),
    QuestionSet("guide-etudiant-solidaires", QUESTIONS / "guide-etudiant-solidaires.jsonl", UNSEEN, *GUIDE_ETUDIANT_SOLIDAIRES),
    QuestionSet("near-topic-guide-etudiant-solidaires", QUESTIONS / "near-topic-guide-etudiant-solidaires.jsonl", UNSEEN, *GUIDE_ETUDIANT_SOLIDAIRES),
    QuestionSet("bdf-surendettement", QUESTIONS / "bdf-surendettement.jsonl", UNSEEN, *BDF_SURENDETTEMENT),
    QuestionSet("near-topic-bdf-surendettement", QUESTIONS / "near-topic-bdf-surendettement.jsonl", UNSEEN, *BDF_SURENDETTEMENT),
    QuestionSet("sotm-fr-2022-guide", QUESTIONS / "sotm-fr-2022-guide.jsonl", TUNING, *SOTM_FR_2022_GUIDE),
    QuestionSet("near-topic-sotm-fr-2022-guide", QUESTIONS / "near-topic-sotm-fr-2022-guide.jsonl", TUNING, *SOTM_FR_2022_GUIDE),
    QuestionSet("putanges-budget-2022", QUESTIONS / "putanges-budget-2022.jsonl", TUNING, *PUTANGES_BUDGET_2022),
    QuestionSet("near-topic-putanges-budget-2022", QUESTIONS / "near-topic-putanges-budget-2022.jsonl", TUNING, *PUTANGES_BUDGET_2022),
    QuestionSet("snds-referentiel-securite", QUESTIONS / "snds-referentiel-securite.jsonl", TUNING, *SNDS_REFERENTIEL_SECURITE),
    QuestionSet("near-topic-snds-referentiel-securite", QUESTIONS / "near-topic-snds-referentiel-securite.jsonl", TUNING, *SNDS_REFERENTIEL_SECURITE),
    QuestionSet("velo-longchamp-anneau", QUESTIONS / "velo-longchamp-anneau.jsonl", UNSEEN, *VELO_LONGCHAMP_ANNEAU),
    QuestionSet("near-topic-velo-longchamp-anneau", QUESTIONS / "near-topic-velo-longchamp-anneau.jsonl", UNSEEN, *VELO_LONGCHAMP_ANNEAU),
    QuestionSet("ffe-contrat-delegation", QUESTIONS / "ffe-contrat-delegation.jsonl", UNSEEN, *FFE_CONTRAT_DELEGATION),
    QuestionSet("near-topic-ffe-contrat-delegation", QUESTIONS / "near-topic-ffe-contrat-delegation.jsonl", UNSEEN, *FFE_CONTRAT_DELEGATION),
    QuestionSet("audierne-gwaien-2023", QUESTIONS / "audierne-gwaien-2023.jsonl", TUNING, *AUDIERNE_GWAIEN_2023),
    QuestionSet("near-topic-audierne-gwaien-2023", QUESTIONS / "near-topic-audierne-gwaien-2023.jsonl", TUNING, *AUDIERNE_GWAIEN_2023),
    QuestionSet("dialog-ecoconception", QUESTIONS / "dialog-ecoconception.jsonl", UNSEEN, *DIALOG_ECOCONCEPTION),
    QuestionSet("near-topic-dialog-ecoconception", QUESTIONS / "near-topic-dialog-ecoconception.jsonl", UNSEEN, *DIALOG_ECOCONCEPTION),
    QuestionSet("insa-bilan-social-2020", QUESTIONS / "insa-bilan-social-2020.jsonl", TUNING, *INSA_BILAN_SOCIAL),
    QuestionSet("near-topic-insa-bilan-social-2020", QUESTIONS / "near-topic-insa-bilan-social-2020.jsonl", TUNING, *INSA_BILAN_SOCIAL),
    QuestionSet("lacito-rapport-2012", QUESTIONS / "lacito-rapport-2012.jsonl", UNSEEN, *LACITO_RAPPORT),
    QuestionSet("near-topic-lacito-rapport-2012", QUESTIONS / "near-topic-lacito-rapport-2012.jsonl", UNSEEN, *LACITO_RAPPORT),
    QuestionSet("loi-securite-civile-2004", QUESTIONS / "loi-securite-civile-2004.jsonl", UNSEEN, *LOI_SECURITE_CIVILE),
    QuestionSet("near-topic-loi-securite-civile-2004", QUESTIONS / "near-topic-loi-securite-civile-2004.jsonl", UNSEEN, *LOI_SECURITE_CIVILE),
    QuestionSet("livret-citoyen-2022", QUESTIONS / "livret-citoyen-2022.jsonl", UNSEEN, *LIVRET_CITOYEN),
    QuestionSet("near-topic-livret-citoyen-2022", QUESTIONS / "near-topic-livret-citoyen-2022.jsonl", UNSEEN, *LIVRET_CITOYEN),
    QuestionSet("notice-cas-par-cas", QUESTIONS / "notice-cas-par-cas.jsonl", TUNING, *ENV_NOTICE_CAS_PAR_CAS),
    QuestionSet("near-topic-notice-cas-par-cas", QUESTIONS / "near-topic-notice-cas-par-cas.jsonl", TUNING, *ENV_NOTICE_CAS_PAR_CAS),
    QuestionSet("lezard-ocelle-cen-paca", QUESTIONS / "lezard-ocelle-cen-paca.jsonl", TUNING, *LEZARD_OCELLE_CEN_PACA),
    QuestionSet("near-topic-lezard-ocelle-cen-paca", QUESTIONS / "near-topic-lezard-ocelle-cen-paca.jsonl", TUNING, *LEZARD_OCELLE_CEN_PACA),
    QuestionSet("gazette-amis-musees-2019", QUESTIONS / "gazette-amis-musees-2019.jsonl", UNSEEN, *GAZETTE_AMIS_MUSEES),
    QuestionSet("near-topic-gazette-amis-musees-2019", QUESTIONS / "near-topic-gazette-amis-musees-2019.jsonl", UNSEEN, *GAZETTE_AMIS_MUSEES),
    QuestionSet("polytech-sorbonne-reglement-etudes", QUESTIONS / "polytech-sorbonne-reglement-etudes.jsonl", UNSEEN, *POLYTECH_SORBONNE_REGLEMENT),
    QuestionSet("near-topic-polytech-sorbonne-reglement-etudes", QUESTIONS / "near-topic-polytech-sorbonne-reglement-etudes.jsonl", UNSEEN, *POLYTECH_SORBONNE_REGLEMENT),
    QuestionSet("declarvin-notice-drm", QUESTIONS / "declarvin-notice-drm.jsonl", UNSEEN, *DECLARVIN_NOTICE_DRM),
    QuestionSet("near-topic-declarvin-notice-drm", QUESTIONS / "near-topic-declarvin-notice-drm.jsonl", UNSEEN, *DECLARVIN_NOTICE_DRM),
    QuestionSet("requete-irfm", QUESTIONS / "requete-irfm.jsonl", UNSEEN, *REQUETE_IRFM),
    QuestionSet("near-topic-requete-irfm", QUESTIONS / "near-topic-requete-irfm.jsonl", UNSEEN, *REQUETE_IRFM),
    QuestionSet("cemagref-epuration-supports-fins", QUESTIONS / "cemagref-epuration-supports-fins.jsonl", TUNING, *CEMAGREF_EPURATION),
    QuestionSet("near-topic-cemagref-epuration-supports-fins", QUESTIONS / "near-topic-cemagref-epuration-supports-fins.jsonl", TUNING, *CEMAGREF_EPURATION),
    QuestionSet("certu-ondev-ondes-vertes", QUESTIONS / "certu-ondev-ondes-vertes.jsonl", TUNING, *CERTU_ONDEV),
    QuestionSet("near-topic-certu-ondev-ondes-vertes", QUESTIONS / "near-topic-certu-ondev-ondes-vertes.jsonl", TUNING, *CERTU_ONDEV),
    QuestionSet("slc-canard-2009", QUESTIONS / "slc-canard-2009.jsonl", UNSEEN, *SLC_CANARD),
    QuestionSet("near-topic-slc-canard-2009", QUESTIONS / "near-topic-slc-canard-2009.jsonl", UNSEEN, *SLC_CANARD),
    QuestionSet("ors-paca-alpes-maritimes-2022", QUESTIONS / "ors-paca-alpes-maritimes-2022.jsonl", UNSEEN, *ORS_PACA_ALPES_MARITIMES),
    QuestionSet("near-topic-ors-paca-alpes-maritimes-2022", QUESTIONS / "near-topic-ors-paca-alpes-maritimes-2022.jsonl", UNSEEN, *ORS_PACA_ALPES_MARITIMES),
    QuestionSet("judo-seclin-livret-grade", QUESTIONS / "judo-seclin-livret-grade.jsonl", UNSEEN, *JUDO_SECLIN),
    QuestionSet("near-topic-judo-seclin-livret-grade", QUESTIONS / "near-topic-judo-seclin-livret-grade.jsonl", UNSEEN, *JUDO_SECLIN),
    QuestionSet("poullaouen-plu-reglement", QUESTIONS / "poullaouen-plu-reglement.jsonl", TUNING, *POULLAOUEN_PLU),
    QuestionSet("near-topic-poullaouen-plu-reglement", QUESTIONS / "near-topic-poullaouen-plu-reglement.jsonl", TUNING, *POULLAOUEN_PLU),
    QuestionSet("consultation-egalite-fh-2016", QUESTIONS / "consultation-egalite-fh-2016.jsonl", UNSEEN, *CONSULTATION_EGALITE),
    QuestionSet("near-topic-consultation-egalite-fh-2016", QUESTIONS / "near-topic-consultation-egalite-fh-2016.jsonl", UNSEEN, *CONSULTATION_EGALITE),
    QuestionSet("fntp-seve-tp-guide", QUESTIONS / "fntp-seve-tp-guide.jsonl", UNSEEN, *FNTP_SEVE_TP),
    QuestionSet("near-topic-fntp-seve-tp-guide", QUESTIONS / "near-topic-fntp-seve-tp-guide.jsonl", UNSEEN, *FNTP_SEVE_TP),
    QuestionSet("ty-bugale-reglement", QUESTIONS / "ty-bugale-reglement.jsonl", UNSEEN, *TY_BUGALE),
    QuestionSet("near-topic-ty-bugale-reglement", QUESTIONS / "near-topic-ty-bugale-reglement.jsonl", UNSEEN, *TY_BUGALE),
    QuestionSet("france-strategie-zan-2019", QUESTIONS / "france-strategie-zan-2019.jsonl", UNSEEN, *FRANCE_STRATEGIE_ZAN),
    QuestionSet("near-topic-france-strategie-zan-2019", QUESTIONS / "near-topic-france-strategie-zan-2019.jsonl", UNSEEN, *FRANCE_STRATEGIE_ZAN),
    QuestionSet("bde-insa-cvl-statuts", QUESTIONS / "bde-insa-cvl-statuts.jsonl", TUNING, *BDE_INSA_CVL),
    QuestionSet("near-topic-bde-insa-cvl-statuts", QUESTIONS / "near-topic-bde-insa-cvl-statuts.jsonl", TUNING, *BDE_INSA_CVL),
    QuestionSet("guide-usagers-anc-2012", QUESTIONS / "guide-usagers-anc-2012.jsonl", UNSEEN, *GUIDE_USAGERS_ANC),
    QuestionSet("near-topic-guide-usagers-anc-2012", QUESTIONS / "near-topic-guide-usagers-anc-2012.jsonl", UNSEEN, *GUIDE_USAGERS_ANC),
    QuestionSet("aviron-tours-reglement", QUESTIONS / "aviron-tours-reglement.jsonl", TUNING, *AVIRON_TOURS_REGLEMENT),
    QuestionSet("near-topic-aviron-tours-reglement", QUESTIONS / "near-topic-aviron-tours-reglement.jsonl", TUNING, *AVIRON_TOURS_REGLEMENT),
    QuestionSet("coopcycle-cooperative-livraison", QUESTIONS / "coopcycle-cooperative-livraison.jsonl", TUNING, *COOPCYCLE_COOPERATIVE),
    QuestionSet("near-topic-coopcycle-cooperative-livraison", QUESTIONS / "near-topic-coopcycle-cooperative-livraison.jsonl", TUNING, *COOPCYCLE_COOPERATIVE),
    QuestionSet("luxeuil-saison-culturelle", QUESTIONS / "luxeuil-saison-culturelle.jsonl", UNSEEN, *LUXEUIL_SAISON_CULTURELLE),
    QuestionSet("near-topic-luxeuil-saison-culturelle", QUESTIONS / "near-topic-luxeuil-saison-culturelle.jsonl", UNSEEN, *LUXEUIL_SAISON_CULTURELLE),
    QuestionSet("invs-morsures-chien", QUESTIONS / "invs-morsures-chien.jsonl", UNSEEN, *INVS_MORSURES_CHIEN),
    QuestionSet("near-topic-invs-morsures-chien", QUESTIONS / "near-topic-invs-morsures-chien.jsonl", UNSEEN, *INVS_MORSURES_CHIEN),
    QuestionSet("arrete-dpe-2021", QUESTIONS / "arrete-dpe-2021.jsonl", UNSEEN, *ARRETE_DPE_2021),
    QuestionSet("near-topic-arrete-dpe-2021", QUESTIONS / "near-topic-arrete-dpe-2021.jsonl", UNSEEN, *ARRETE_DPE_2021),
    QuestionSet("la-louve-manuel-membres", QUESTIONS / "la-louve-manuel-membres.jsonl", TUNING, *LA_LOUVE_MANUEL),
    QuestionSet("near-topic-la-louve-manuel-membres", QUESTIONS / "near-topic-la-louve-manuel-membres.jsonl", TUNING, *LA_LOUVE_MANUEL),
    QuestionSet("bicyclette-bruzoise-reglement", QUESTIONS / "bicyclette-bruzoise-reglement.jsonl", UNSEEN, *BICYCLETTE_BRUZOISE),
    QuestionSet("near-topic-bicyclette-bruzoise-reglement", QUESTIONS / "near-topic-bicyclette-bruzoise-reglement.jsonl", UNSEEN, *BICYCLETTE_BRUZOISE),
    QuestionSet("livret-greffe-foie-mondor", QUESTIONS / "livret-greffe-foie-mondor.jsonl", UNSEEN, *MONDOR_GREFFE_FOIE),
    QuestionSet("near-topic-livret-greffe-foie-mondor", QUESTIONS / "near-topic-livret-greffe-foie-mondor.jsonl", UNSEEN, *MONDOR_GREFFE_FOIE),
    QuestionSet("ademe-ecocitoyen-bureau", QUESTIONS / "ademe-ecocitoyen-bureau.jsonl", UNSEEN, *ADEME_ECOCITOYEN_BUREAU),
    QuestionSet("near-topic-ademe-ecocitoyen-bureau", QUESTIONS / "near-topic-ademe-ecocitoyen-bureau.jsonl", UNSEEN, *ADEME_ECOCITOYEN_BUREAU),
    QuestionSet("ademe-ecocitoyen-bureau-b", QUESTIONS / "ademe-ecocitoyen-bureau-b.jsonl", UNSEEN, *ADEME_ECOCITOYEN_BUREAU),
    QuestionSet("near-topic-ademe-ecocitoyen-bureau-b", QUESTIONS / "near-topic-ademe-ecocitoyen-bureau-b.jsonl", UNSEEN, *ADEME_ECOCITOYEN_BUREAU),
    QuestionSet("eedf-journee-curiosite", QUESTIONS / "eedf-journee-curiosite.jsonl", TUNING, *EEDF_JOURNEE_CURIOSITE),
    QuestionSet("near-topic-eedf-journee-curiosite", QUESTIONS / "near-topic-eedf-journee-curiosite.jsonl", TUNING, *EEDF_JOURNEE_CURIOSITE),
    QuestionSet("lycee-stex-reglement", QUESTIONS / "lycee-stex-reglement.jsonl", TUNING, *LYCEE_STEX_REGLEMENT),
    QuestionSet("near-topic-lycee-stex-reglement", QUESTIONS / "near-topic-lycee-stex-reglement.jsonl", TUNING, *LYCEE_STEX_REGLEMENT),
    QuestionSet("actes-rnpac-amap-2016", QUESTIONS / "actes-rnpac-amap-2016.jsonl", TUNING, *ACTES_RNPAC_AMAP),
    QuestionSet("near-topic-actes-rnpac-amap-2016", QUESTIONS / "near-topic-actes-rnpac-amap-2016.jsonl", TUNING, *ACTES_RNPAC_AMAP),
    QuestionSet("etic-reglement-interieur", QUESTIONS / "etic-reglement-interieur.jsonl", UNSEEN, *ETIC_REGLEMENT),
    QuestionSet("near-topic-etic-reglement-interieur", QUESTIONS / "near-topic-etic-reglement-interieur.jsonl", UNSEEN, *ETIC_REGLEMENT),
    QuestionSet("dinsic-contribution-open-source", QUESTIONS / "dinsic-contribution-open-source.jsonl", UNSEEN, *DINSIC_CONTRIBUTION),
    QuestionSet("near-topic-dinsic-contribution-open-source", QUESTIONS / "near-topic-dinsic-contribution-open-source.jsonl", UNSEEN, *DINSIC_CONTRIBUTION),
    QuestionSet("yapaka-separation-conjugale", QUESTIONS / "yapaka-separation-conjugale.jsonl", UNSEEN, *YAPAKA_SEPARATION),
    QuestionSet("near-topic-yapaka-separation-conjugale", QUESTIONS / "near-topic-yapaka-separation-conjugale.jsonl", UNSEEN, *YAPAKA_SEPARATION),
    QuestionSet("conservatoire-rennes-reglement", QUESTIONS / "conservatoire-rennes-reglement.jsonl", TUNING, *CRR_RENNES_REGLEMENT),
    QuestionSet("near-topic-conservatoire-rennes-reglement", QUESTIONS / "near-topic-conservatoire-rennes-reglement.jsonl", TUNING, *CRR_RENNES_REGLEMENT),
    QuestionSet("livret-accueil-montchapet", QUESTIONS / "livret-accueil-montchapet.jsonl", TUNING, *LYCEE_MONTCHAPET_LIVRET),
    QuestionSet("near-topic-livret-accueil-montchapet", QUESTIONS / "near-topic-livret-accueil-montchapet.jsonl", TUNING, *LYCEE_MONTCHAPET_LIVRET),
    QuestionSet("archers-alberes-reglement", QUESTIONS / "archers-alberes-reglement.jsonl", UNSEEN, *ARCHERS_ALBERES_REGLEMENT),
    QuestionSet("near-topic-archers-alberes-reglement", QUESTIONS / "near-topic-archers-alberes-reglement.jsonl", UNSEEN, *ARCHERS_ALBERES_REGLEMENT),
    QuestionSet("dma-rapport-activite-2024", QUESTIONS / "dma-rapport-activite-2024.jsonl", UNSEEN, *DMA_RAPPORT_2024),
    QuestionSet("near-topic-dma-rapport-activite-2024", QUESTIONS / "near-topic-dma-rapport-activite-2024.jsonl", UNSEEN, *DMA_RAPPORT_2024),
    QuestionSet("civa-declaration-recolte", QUESTIONS / "civa-declaration-recolte.jsonl", UNSEEN, *CIVA_DECLARATION_RECOLTE),
    QuestionSet("near-topic-civa-declaration-recolte", QUESTIONS / "near-topic-civa-declaration-recolte.jsonl", UNSEEN, *CIVA_DECLARATION_RECOLTE),
    QuestionSet("mano-cgu", QUESTIONS / "mano-cgu.jsonl", TUNING, *MANO_CGU),
    QuestionSet("near-topic-mano-cgu", QUESTIONS / "near-topic-mano-cgu.jsonl", TUNING, *MANO_CGU),
    QuestionSet("sdes-conjoncture-energie-2025", QUESTIONS / "sdes-conjoncture-energie-2025.jsonl", UNSEEN, *SDES_CONJONCTURE),
    QuestionSet("near-topic-sdes-conjoncture-energie-2025", QUESTIONS / "near-topic-sdes-conjoncture-energie-2025.jsonl", UNSEEN, *SDES_CONJONCTURE),
    QuestionSet("alliance-sociale-marin", QUESTIONS / "alliance-sociale-marin.jsonl", UNSEEN, *ALLIANCE_SOCIALE_MARIN),
    QuestionSet("near-topic-alliance-sociale-marin", QUESTIONS / "near-topic-alliance-sociale-marin.jsonl", UNSEEN, *ALLIANCE_SOCIALE_MARIN),
    QuestionSet("massiac-deliberations-2020", QUESTIONS / "massiac-deliberations-2020.jsonl", UNSEEN, *MASSIAC_DELIBERATIONS),
    QuestionSet("near-topic-massiac-deliberations-2020", QUESTIONS / "near-topic-massiac-deliberations-2020.jsonl", UNSEEN, *MASSIAC_DELIBERATIONS),
    QuestionSet("fondation-hardt-2012", QUESTIONS / "fondation-hardt-2012.jsonl", TUNING, *FONDATION_HARDT_2012),
    QuestionSet("near-topic-fondation-hardt-2012", QUESTIONS / "near-topic-fondation-hardt-2012.jsonl", TUNING, *FONDATION_HARDT_2012),
    QuestionSet("paris-guide-violences-enfants", QUESTIONS / "paris-guide-violences-enfants.jsonl", UNSEEN, *PARIS_GUIDE_VIOLENCES_ENFANTS),
    QuestionSet("near-topic-paris-guide-violences-enfants", QUESTIONS / "near-topic-paris-guide-violences-enfants.jsonl", UNSEEN, *PARIS_GUIDE_VIOLENCES_ENFANTS),
    QuestionSet("notice-vae-recevabilite", QUESTIONS / "notice-vae-recevabilite.jsonl", UNSEEN, *NOTICE_VAE_RECEVABILITE),
    QuestionSet("near-topic-notice-vae-recevabilite", QUESTIONS / "near-topic-notice-vae-recevabilite.jsonl", UNSEEN, *NOTICE_VAE_RECEVABILITE),
    QuestionSet("cantine-saint-just-2020", QUESTIONS / "cantine-saint-just-2020.jsonl", TUNING, *CANTINE_SAINT_JUST_2020),
    QuestionSet("near-topic-cantine-saint-just-2020", QUESTIONS / "near-topic-cantine-saint-just-2020.jsonl", TUNING, *CANTINE_SAINT_JUST_2020),
    QuestionSet("ditp-participation-citoyenne-2019", QUESTIONS / "ditp-participation-citoyenne-2019.jsonl", TUNING, *DITP_PARTICIPATION_CITOYENNE_2019),
    QuestionSet("near-topic-ditp-participation-citoyenne-2019", QUESTIONS / "near-topic-ditp-participation-citoyenne-2019.jsonl", TUNING, *DITP_PARTICIPATION_CITOYENNE_2019),
    QuestionSet("charrat-reglement-constructions-2007", QUESTIONS / "charrat-reglement-constructions-2007.jsonl", TUNING, *CHARRAT_REGLEMENT_CONSTRUCTIONS_2007),
    QuestionSet("near-topic-charrat-reglement-constructions-2007", QUESTIONS / "near-topic-charrat-reglement-constructions-2007.jsonl", TUNING, *CHARRAT_REGLEMENT_CONSTRUCTIONS_2007),
    QuestionSet("apidae-tourisme-statuts-2021", QUESTIONS / "apidae-tourisme-statuts-2021.jsonl", UNSEEN, *APIDAE_TOURISME_STATUTS_2021),
    QuestionSet("near-topic-apidae-tourisme-statuts-2021", QUESTIONS / "near-topic-apidae-tourisme-statuts-2021.jsonl", UNSEEN, *APIDAE_TOURISME_STATUTS_2021),
    QuestionSet("oz-ensemble-presse-2023", QUESTIONS / "oz-ensemble-presse-2023.jsonl", UNSEEN, *OZ_ENSEMBLE_PRESSE_2023),
    QuestionSet("near-topic-oz-ensemble-presse-2023", QUESTIONS / "near-topic-oz-ensemble-presse-2023.jsonl", UNSEEN, *OZ_ENSEMBLE_PRESSE_2023),
    QuestionSet("anssi-nis2-plaquette-2024", QUESTIONS / "anssi-nis2-plaquette-2024.jsonl", TUNING, *ANSSI_NIS2_PLAQUETTE_2024),
    QuestionSet("near-topic-anssi-nis2-plaquette-2024", QUESTIONS / "near-topic-anssi-nis2-plaquette-2024.jsonl", TUNING, *ANSSI_NIS2_PLAQUETTE_2024),
    QuestionSet("afup-barometre-salaires-2014", QUESTIONS / "afup-barometre-salaires-2014.jsonl", TUNING, *AFUP_BAROMETRE_SALAIRES_2014),
    QuestionSet("near-topic-afup-barometre-salaires-2014", QUESTIONS / "near-topic-afup-barometre-salaires-2014.jsonl", TUNING, *AFUP_BAROMETRE_SALAIRES_2014),
    QuestionSet("spa-salon-rapport-2021", QUESTIONS / "spa-salon-rapport-2021.jsonl", UNSEEN, *SPA_SALON_RAPPORT_2021),
    QuestionSet("near-topic-spa-salon-rapport-2021", QUESTIONS / "near-topic-spa-salon-rapport-2021.jsonl", UNSEEN, *SPA_SALON_RAPPORT_2021),
    QuestionSet("interloire-drm-guide-2021", QUESTIONS / "interloire-drm-guide-2021.jsonl", UNSEEN, *INTERLOIRE_DRM_GUIDE_2021),
    QuestionSet("near-topic-interloire-drm-guide-2021", QUESTIONS / "near-topic-interloire-drm-guide-2021.jsonl", UNSEEN, *INTERLOIRE_DRM_GUIDE_2021),
    QuestionSet("raccordement-b", QUESTIONS / "raccordement-b.jsonl", TUNING, *RACCORDEMENT),
    QuestionSet("near-topic-raccordement-b", QUESTIONS / "near-topic-raccordement-b.jsonl", TUNING, *RACCORDEMENT),
    QuestionSet("fnccr-litiges", QUESTIONS / "fnccr-litiges.jsonl", TUNING, *FNCCR_LITIGES),
    QuestionSet("near-topic-fnccr-litiges", QUESTIONS / "near-topic-fnccr-litiges.jsonl", TUNING, *FNCCR_LITIGES),
    QuestionSet("carros-le-broc", QUESTIONS / "carros-le-broc.jsonl", TUNING, *CARROS),
    QuestionSet("near-topic-carros-le-broc", QUESTIONS / "near-topic-carros-le-broc.jsonl", TUNING, *CARROS),
    QuestionSet("rpqs-junas", QUESTIONS / "rpqs-junas.jsonl", TUNING, *RPQS_JUNAS),
    QuestionSet("near-topic-rpqs-junas", QUESTIONS / "near-topic-rpqs-junas.jsonl", TUNING, *RPQS_JUNAS),
    QuestionSet("promeneurs-net", QUESTIONS / "promeneurs-net.jsonl", TUNING, *PROMENEURS_NET),
    QuestionSet("near-topic-promeneurs-net", QUESTIONS / "near-topic-promeneurs-net.jsonl", TUNING, *PROMENEURS_NET),
    QuestionSet("guide-benevolat", QUESTIONS / "guide-benevolat.jsonl", TUNING, *GUIDE_BENEVOLAT),
    QuestionSet("near-topic-guide-benevolat", QUESTIONS / "near-topic-guide-benevolat.jsonl", TUNING, *GUIDE_BENEVOLAT),
    QuestionSet("cls-avesnois", QUESTIONS / "cls-avesnois.jsonl", TUNING, *CLS_AVESNOIS),
    QuestionSet("near-topic-cls-avesnois", QUESTIONS / "near-topic-cls-avesnois.jsonl", TUNING, *CLS_AVESNOIS),
    QuestionSet("infiltrabilite", QUESTIONS / "infiltrabilite.jsonl", TUNING, *INFILTRABILITE),
    QuestionSet("near-topic-infiltrabilite", QUESTIONS / "near-topic-infiltrabilite.jsonl", TUNING, *INFILTRABILITE),
    QuestionSet("conseil-putanges", QUESTIONS / "conseil-putanges.jsonl", TUNING, *CONSEIL_PUTANGES),
    QuestionSet("near-topic-conseil-putanges", QUESTIONS / "near-topic-conseil-putanges.jsonl", TUNING, *CONSEIL_PUTANGES),
    QuestionSet("standard-friches", QUESTIONS / "standard-friches.jsonl", TUNING, *STANDARD_FRICHES),
    QuestionSet("near-topic-standard-friches", QUESTIONS / "near-topic-standard-friches.jsonl", TUNING, *STANDARD_FRICHES),
    QuestionSet("bal-bonnes-pratiques", QUESTIONS / "bal-bonnes-pratiques.jsonl", TUNING, *BAL_BONNES_PRATIQUES),
    QuestionSet("near-topic-bal-bonnes-pratiques", QUESTIONS / "near-topic-bal-bonnes-pratiques.jsonl", TUNING, *BAL_BONNES_PRATIQUES),
    QuestionSet("prepa-apprentissage", QUESTIONS / "prepa-apprentissage.jsonl", TUNING, *PREPA_APPRENTISSAGE),
    QuestionSet("near-topic-prepa-apprentissage", QUESTIONS / "near-topic-prepa-apprentissage.jsonl", TUNING, *PREPA_APPRENTISSAGE),
)

HEADERS = ["set", "role", "in scope", "out of scope", "hit@5", "MRR@10", "answer@1", "in-scope refused", "out-of-scope refused", "passage chars", "read"]


# --- measuring ------------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    """The file's sha256, as sha256sum prints it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Docs:
    """The folders where the sets' PDFs are looked for (--docs), in order."""

    folders: tuple[Path, ...]

    def path(self, pdf: str) -> Path:
        """Where a PDF is: the first folder that holds it (the first folder when none does)."""
        return next((folder / pdf for folder in self.folders if (folder / pdf).is_file()), self.folders[0] / pdf)


def check_documents(sets: list[QuestionSet], docs: Docs) -> list[QuestionSet]:
    """The sets that can be measured. Stop when a shared PDF is missing; skip, saying where it comes
    from, a set whose fetched PDF is; warn when a PDF is not the file its questions were written against."""
    kept = []
    for qset in sets:
        if qset.pdf is not None:
            path = docs.path(qset.pdf)
            if not path.is_file() and qset.fetched:
                print(f"skipped {qset.name}: no {qset.pdf} in --docs (fetch it from {qset.fetched})", file=sys.stderr)
                continue
            if not path.is_file():
                sys.exit(f"bench_questions: no {path} (set {qset.name}); --docs names the folders of the PDFs")
            if sha256_of(path) != qset.sha256:
                print(f"warning: {path} is not the file {qset.name}'s questions were written against (sha256 differs)", file=sys.stderr)
        kept.append(qset)
    return kept


def corpus_folder(root: Path, qset: QuestionSet, docs: Docs, work: Path) -> Path:
    """What to index for a set: corpus/ of the code at root, or a temporary folder holding a copy of its PDF alone."""
    if qset.pdf is None:
        return root / "corpus"
    folder = work / "docs" / Path(qset.pdf).stem
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(docs.path(qset.pdf), folder / qset.pdf)
    return folder


def answers_of(root: Path, questions: Path, index: Path, out: Path) -> list[Answer]:
    """The answers of the code at root to a question file (`ess-qa batch --k 10`), read back."""
    return load_answers(batch(root, questions, ["--index-dir", str(index)], out))


def batch(root: Path, questions: Path, where: list[str], out: Path) -> Path:
    """`ess-qa batch --k 10` of the code at root on a question file, against the index its options `where`
    name (--index-dir DIR, or --store URL --collection NAME); out, the answers' JSON lines."""
    argv = cli(root) + ["batch", str(questions), "--k", str(EVAL_K), *where, "--out", str(out)]
    subprocess.run(argv, env=env_for(root), cwd=root, check=True, stdout=subprocess.DEVNULL)
    return out


def figures(in_scope: dict, out_of_scope: dict) -> dict:
    """A table row's figures, from the eval metrics of in-scope and of out-of-scope questions."""
    answered = in_scope.get("n", 0) > 0
    return {
        "in_scope": in_scope.get("n", 0),
        "out_of_scope": out_of_scope.get("n", 0),
        **{name: in_scope[name] if answered else None for name in ("hit@5", "mrr@10", "answer@1")},
        "in_scope_refused": in_scope.get("refused", 0),
        "out_of_scope_refused": out_of_scope.get("refused", 0),
        # what a reader goes through: the passages' mean length, and the characters read down to the evidence
        **{name: in_scope[key] if answered else None for name, key in (("passage_chars", "mean_passage_chars"), ("read_chars", "read_chars"))},
    }


def figures_of(report: dict) -> dict:
    """A set's figures from its eval report, each kind's (in scope), and each style's when its questions have one."""
    result = figures(report["overall"], report["out_of_scope"])
    result["per_kind"] = {kind: figures(metrics, {}) for kind, metrics in sorted(report.get("per_kind", {}).items())}
    inside, outside = report.get("per_style", {}), report["out_of_scope"].get("per_style", {})
    if inside or outside:
        result["per_style"] = {style: figures(inside.get(style, {}), outside.get(style, {})) for style in sorted({*inside, *outside})}
    return result


def measure(label: str, root: Path, sets: list[QuestionSet], docs: Docs, work: Path) -> dict[str, dict]:
    """Each set's figures with the code at root; one index per document, built once."""
    work.mkdir(parents=True)
    indexes: dict[str, Path] = {}
    results = {}
    for qset in sets:
        if qset.document not in indexes:
            indexes[qset.document] = work / f"index-{Path(qset.document).stem}"
            seconds = build_seconds(root, corpus_folder(root, qset, docs, work), indexes[qset.document])
            print(f"{label}: indexed {qset.document} in {seconds:.1f} s", file=sys.stderr)
        questions = load_questions(qset.questions)
        answers = answers_of(root, qset.questions, indexes[qset.document], work / f"{qset.name}.answers.jsonl")
        assert len(answers) == len(questions), f"{qset.name}: {len(answers)} answers to {len(questions)} questions"
        results[qset.name] = figures_of(score(questions, answers))
    return results


def run_all(sets: list[QuestionSet], docs: Docs, labels: list[str], rev: str | None) -> list[dict[str, dict]]:
    """Figures of this checkout, then of rev when given; everything built in a temporary folder outside the project."""
    with tempfile.TemporaryDirectory(prefix="ess-qa-questions-") as folder:
        work = Path(folder).resolve()
        assert ROOT not in work.parents, f"{work} is inside the project"
        results = [measure(labels[0], ROOT, sets, docs, work / "this")]
        if rev:
            with checkout(rev) as old:
                results.append(measure(labels[1], old, sets, docs, work / "rev"))
    return results


# --- the table ------------------------------------------------------------------------------------


def rate(value: float | None, digits: int = 2) -> str:
    """A rate with two decimals (or digits), "–" when there is none."""
    return "–" if value is None else f"{value:.{digits}f}"


def share(count: int, total: int) -> str:
    """"count/total", "–" when there is nothing to count."""
    return f"{count}/{total}" if total else "–"


def metric_cells(f: dict, digits: int = 2) -> list[str]:
    """The cells that depend on the code measured: hit@5, MRR@10, answer@1 (with digits decimals), refusals, characters
    shown and read."""
    return [
        rate(f["hit@5"], digits), rate(f["mrr@10"], digits), rate(f["answer@1"], digits),
        share(f["in_scope_refused"], f["in_scope"]), share(f["out_of_scope_refused"], f["out_of_scope"]),
        characters(f.get("passage_chars")), characters(f.get("read_chars")),
    ]


def characters(value: float | None) -> str:
    """A count of characters, rounded; "–" when there is none (no question in scope, or a JSON from before it was kept)."""
    return "–" if value is None else f"{value:.0f}"


def table_row(label: str, role: str, per_revision: list[dict], digits: int = 2) -> list[str]:
    """One line of the table: the question counts, then each metric as "this (REV)"."""
    first = per_revision[0]
    side_by_side = [f"{cells[0]} ({cells[1]})" if len(cells) > 1 else cells[0] for cells in zip(*(metric_cells(f, digits) for f in per_revision))]
    return [label, role, str(first["in_scope"]), str(first["out_of_scope"]), *side_by_side]


def table_rows(sets: list[QuestionSet], results: list[dict[str, dict]]) -> list[list[str]]:
    """A row per set, followed by a row per style of its questions."""
    rows = []
    for qset in sets:
        per_revision = [result[qset.name] for result in results]
        rows.append(table_row(qset.name, qset.role, per_revision))
        for style in per_revision[0].get("per_style", {}):
            rows.append(table_row(f"  {style}", "", [f["per_style"][style] for f in per_revision]))
    return rows


# The pools a user of the benchmark judges ess-qa by (issue 13's targets): the documents never used to choose a setting,
# those used, and the bundled report; each pooled over its questions
POOLS = (
    ("unseen documents", lambda qset: qset.role == UNSEEN),
    ("tuning documents", lambda qset: qset.role == TUNING and qset.document != REPORT),
    ("the report, well-formed", lambda qset: qset.document == REPORT and qset.name != TYPED_REPORT),
    ("the report, as typed", lambda qset: qset.name == TYPED_REPORT),
)
POOLED = ("hit@5", "mrr@10", "answer@1", "passage_chars", "read_chars")  # means, weighted by the questions in scope
OUT_OF_SCOPE_SHARE = 5 / 6  # issue 13: out-of-scope questions refused, 5 of 6 or more on each document


def pooled(parts: list[dict]) -> dict:
    """Figures pooled over sets (or over their kinds' or styles' rows): counts summed, means weighted by the questions
    in scope that have them."""
    result = {name: sum(part.get(name, 0) for part in parts) for name in ("in_scope", "out_of_scope", "in_scope_refused", "out_of_scope_refused")}
    for name in POOLED:
        weighed = [(part[name], part["in_scope"]) for part in parts if part.get(name) is not None and part["in_scope"]]
        total = sum(n for _, n in weighed)
        result[name] = sum(value * n for value, n in weighed) / total if total else None
    return result


def pooled_rows_of(parts: list[dict], label: str) -> list[tuple[str, dict]]:
    """A pool's row, then one per kind and one per style of its questions, each pooled over the parts."""
    rows = [(label, pooled(parts))]
    for group, prefix in (("per_kind", "kind"), ("per_style", "style")):
        names = sorted({name for part in parts for name in part.get(group, {})}, key=lambda n: (-sum(p.get(group, {}).get(n, {}).get("in_scope", 0) for p in parts), n))
        rows += [(f"  {prefix} {name}", pooled([part[group][name] for part in parts if name in part.get(group, {})])) for name in names]
    return rows


def documents_refusing(sets: list[QuestionSet], result: dict[str, dict]) -> tuple[int, int]:
    """Of the documents whose own sets ask out-of-scope questions (near-topic sets aside), how many refuse
    OUT_OF_SCOPE_SHARE of them or more."""
    counts: dict[str, list[int]] = {}
    for qset in sets:
        figures_ = result[qset.name]
        if qset.name.startswith("near-topic") or not figures_["out_of_scope"]:
            continue
        refused, asked = counts.setdefault(qset.document, [0, 0])
        counts[qset.document] = [refused + figures_["out_of_scope_refused"], asked + figures_["out_of_scope"]]
    return sum(refused >= OUT_OF_SCOPE_SHARE * asked for refused, asked in counts.values()), len(counts)


def pooled_table(sets: list[QuestionSet], results: list[dict[str, dict]]) -> tuple[list[list[str]], list[str]]:
    """The table of the pools (POOLS), with each revision side by side, and a line per pool saying on how many
    documents the out-of-scope questions are refused 5 of 6 or more."""
    rows, lines = [], []
    for label, belongs in POOLS:
        chosen = [qset for qset in sets if belongs(qset)]
        if not chosen:
            continue
        per_revision = [pooled_rows_of([result[qset.name] for qset in chosen], label) for result in results]
        for name, _ in per_revision[0]:
            rows.append(table_row(name, "", [dict(rows_).get(name, pooled([])) for rows_ in per_revision], digits=3))
        refusing = [documents_refusing(chosen, result) for result in results]
        counts = [f"{n} of {total}" for n, total in refusing]
        lines.append(f"{label}: out-of-scope questions refused 5 of 6 or more on {counts[0]} documents" + (f" ({counts[1]})" if len(counts) > 1 else ""))
    return rows, lines


def format_table(rows: list[list[str]], headers: list[str] = HEADERS) -> str:
    """Aligned columns: names on the left, figures on the right."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


# --- the command ----------------------------------------------------------------------------------


def revision(rev: str) -> str:
    """A revision's short commit id, with "+changes" for this checkout's uncommitted changes."""
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run(git + ["rev-parse", "--short", rev], check=True, capture_output=True, text=True).stdout.strip()
    if rev != "HEAD":
        return f"{rev}@{commit}" if commit != rev else commit
    dirty = subprocess.run(git + ["status", "--porcelain"], check=True, capture_output=True, text=True).stdout.strip()
    return commit + ("+changes" if dirty else "")


def as_json(sets: list[QuestionSet], labels: list[str], results: list[dict[str, dict]], docs: Docs) -> dict:
    """Everything the table shows, by set and revision, with the documents' checksums."""
    return {
        "machine": machine(),
        "k": EVAL_K,
        "revisions": labels,
        "sets": [
            {
                "name": qset.name,
                "role": qset.role,
                "questions": str(qset.questions.relative_to(ROOT)),
                "document": qset.document,
                "sha256": sha256_of(docs.path(qset.pdf)) if qset.pdf else None,
                "results": {label: result[qset.name] for label, result in zip(labels, results)},
            }
            for qset in sets
        ],
    }


def set_options(description: str) -> argparse.ArgumentParser:
    """A parser with the options of every benchmark of the question sets: --sets, --json, --docs."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sets", nargs="+", choices=[s.name for s in SETS], metavar="NAME", help="only these sets: " + ", ".join(s.name for s in SETS))
    parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON to OUT")
    parser.add_argument("--docs", nargs="+", default=[str(DOCS)], metavar="DIR", help=f"folders of the PDFs (default {DOCS}; a set's fetched PDF may be in another)")
    return parser


def chosen_sets(args: argparse.Namespace) -> tuple[list[QuestionSet], Docs]:
    """The sets --sets names (default all) whose documents are there, checked, and where the PDFs are."""
    docs = Docs(tuple(Path(folder) for folder in args.docs))
    return check_documents([s for s in SETS if not args.sets or s.name in args.sets], docs), docs


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command's options."""
    parser = set_options(__doc__.splitlines()[0])
    parser.add_argument("--rev", help="also measure this git revision (a temporary worktree) and print both side by side")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Measure the sets asked for, print the table, write the JSON when asked."""
    args = parse_args(argv)
    sets, docs = chosen_sets(args)
    labels = [revision("HEAD")] + ([revision(args.rev)] if args.rev else [])
    results = run_all(sets, docs, labels, args.rev)
    print(f"machine: {machine()}")
    print(f"code: {labels[0]}" + (f" (in parentheses: {labels[1]})" if args.rev else ""))
    print(f"k = {EVAL_K}; role tuning: used to choose settings, unseen: never (benchmarks/questions/README.md)")
    print(format_table(table_rows(sets, results)))
    rows, lines = pooled_table(sets, results)
    print("\nPooled over each group's documents (a set's questions count each once):")
    print(format_table(rows, ["pool", "", *HEADERS[2:]]))
    print("\n".join(lines))
    if args.json:
        Path(args.json).write_text(json.dumps(as_json(sets, labels, results, docs), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
