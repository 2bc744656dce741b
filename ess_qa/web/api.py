"""The plain JSON API beside the page: `/api/search` and `/api/ask`, and the readiness check `/ready`.

One HTTP request per question, no Gradio queue, for programs and for curl:

    curl 'http://127.0.0.1:7860/api/search?q=SCIC&k=3'
    curl -u alice:s3cret -H 'Content-Type: application/json' -d '{"question": "Qui préside Nantes Métropole ?"}' http://127.0.0.1:7860/api/ask

Answers: 200 with JSON; 400 {"error"} for a question or k it refuses; 401 when the page requires a
login and the call brings neither right HTTP Basic credentials nor the page's session cookie; 429
{"error"} with Retry-After when its client failed to sign in too often (see throttle.py); 503
{"error"} with Retry-After while the index loads (after waiting API_READY_WAIT_SECONDS for it) or
when too many questions are waiting already (see QueryGate).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from typing import Any, Callable

from ..config import DEFAULT_K
from ..questions import EmptyQuestion
from .service import API_READY_WAIT_SECONDS, Busy, NotReady, Service, log
from .throttle import SignInThrottle, client_key, too_many_sign_ins

MAX_BODY_BYTES = 64 * 1024


def basic_credentials(request: Any) -> tuple[str, str] | None:
    """(user, password) from an `Authorization: Basic` header, or None."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user, colon, password = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return (user, password) if colon else None


LOG_IN = "log in: HTTP Basic credentials of the page (ESS_QA_AUTH) are required"


def refusal(
    request: Any, auth: list[tuple[str, str]] | None, signed_in: Callable[[Any], bool], throttle: SignInThrottle
) -> tuple[int, str, int | None] | None:
    """None when an API call may run (no login required, a right HTTP Basic pair, or the page's
    session), else (status, message, Retry-After seconds or None): 429 while its client is throttled,
    401 otherwise. Only calls bringing credentials are sign-in attempts."""
    if not auth:
        return None
    given = basic_credentials(request)
    if given is None:
        return None if signed_in(request) else (401, LOG_IN, None)
    client = client_key(request.scope)
    seconds = throttle.attempt(client)
    if seconds is not None:
        return 429, too_many_sign_ins(request.url.path, client, seconds), seconds
    if not any(hmac.compare_digest(given[0], user) and hmac.compare_digest(given[1], password) for user, password in auth):
        return 401, LOG_IN, None
    throttle.succeeded(client)
    return None


def api_routes(
    service: Service, auth: list[tuple[str, str]] | None, signed_in: Callable[[Any], bool], throttle: SignInThrottle
) -> list:
    """The Starlette routes of the JSON API and the readiness check; `throttle` counts Basic sign-ins."""
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    def failure(status: int, message: str, retry_after: int | None = None) -> JSONResponse:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        if status == 401:
            headers["WWW-Authenticate"] = 'Basic realm="ess-qa"'
        if status not in (401, 429):  # a refused sign-in is logged with its client (too_many_sign_ins)
            log.warning("%s refused (%d): %s", "/api", status, message)
        return JSONResponse({"error": message}, status_code=status, headers=headers)

    def endpoint(run: Callable[[Any, str, int], dict]):
        async def handle(request):
            refused = refusal(request, auth, signed_in, throttle)
            if refused is not None:
                return failure(*refused)
            try:
                question, k = await _question_and_k(request)
            except ValueError as exc:
                return failure(400, str(exc))
            from starlette.concurrency import run_in_threadpool

            return await run_in_threadpool(answer, run, question, k)

        return handle

    def answer(run: Callable[[Any, str, int], dict], question: str, k: int):
        try:
            assistant = service.assistant(wait=API_READY_WAIT_SECONDS)
            with service.gate.turn():
                return JSONResponse(run(assistant, question, k))
        except NotReady as exc:
            return failure(503, str(exc), retry_after=None if service.state == "failed" else 1)
        except Busy as exc:
            return failure(503, str(exc), retry_after=1)
        except (EmptyQuestion, ValueError) as exc:
            return failure(400, str(exc))

    def search(assistant, question: str, k: int) -> dict:
        return {"question": question, "passages": [p.to_dict() for p in assistant.search(question, k=k)]}

    def ask(assistant, question: str, k: int) -> dict:
        return assistant.ask(question, k=k).to_dict()

    def ready(request):
        state = service.readiness()
        if state["ready"]:
            return JSONResponse(state)
        return JSONResponse(state, status_code=503, headers={} if state["state"] == "failed" else {"Retry-After": "1"})

    return [
        Route("/api/search", endpoint(search), methods=["GET", "POST"]),
        Route("/api/ask", endpoint(ask), methods=["GET", "POST"]),
        Route("/ready", ready),
    ]


async def _question_and_k(request) -> tuple[str, int]:
    """The question and k of a call: query parameters `q` and `k`, or a JSON body {"question", "k"}."""
    if request.method == "POST":
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            raise ValueError(f"the request body is over {MAX_BODY_BYTES // 1024} KiB")
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            raise ValueError('the body must be JSON: {"question": "...", "k": 5}') from None
        if not isinstance(data, dict):
            raise ValueError('the body must be a JSON object: {"question": "...", "k": 5}')
        question, k = data.get("question", ""), data.get("k", DEFAULT_K)
    else:
        question, k = request.query_params.get("q", ""), request.query_params.get("k", DEFAULT_K)
    if not isinstance(question, str) or not question.strip():
        raise ValueError("the question is empty: give q=... (GET) or {\"question\": ...} (POST)")
    return question, _whole_number(k)


def _whole_number(value: Any) -> int:
    """k as given in a query string ('5') or in JSON (5, 5.0); ValueError for anything else."""
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"k must be a whole number, not {value!r}")
