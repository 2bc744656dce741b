"""Sign-in attempts limited per client: the page's login form (Gradio's POST /login) and HTTP Basic
credentials on /api/* share one count per client address.

Every attempt counts as failed when it starts (so that concurrent guesses cannot overrun the limit)
and a successful sign-in forgets the client. A client with MAX_FAILED_SIGN_INS attempts in the last
SIGN_IN_WINDOW_SECONDS is refused (HTTP 429 with Retry-After) until the oldest of them is that old.

The client address is the one the server sees: uvicorn (which serves Gradio) replaces it with the
last untrusted address of X-Forwarded-For only when the connection comes from an address listed in
its FORWARDED_ALLOW_IPS environment variable (default "127.0.0.1,::1": a proxy on this machine).
"""

from __future__ import annotations

import collections
import ipaddress
import math
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from .service import log

# Why these values: someone who mistypes a password seldom fails 5 times within minutes, and waits
# at most 5 minutes when they do; a guesser gets 5 guesses per 5 minutes per address (1,440 a day),
# far too few for any password worth the name.
MAX_FAILED_SIGN_INS = 5
SIGN_IN_WINDOW_SECONDS = 300.0
# A tracked client costs a few hundred bytes (its address and up to 5 times): 10,000 of them stay
# within a few MB. Past that the client whose last attempt is the oldest is forgotten first.
MAX_TRACKED_CLIENTS = 10_000
# Gradio's login route (routes.py, App.create_app: `@app.post("/login")`), used by its login form
# and by gradio_client's Client(url, auth=...).
LOGIN_PATHS = frozenset({"/login", "/login/"})

Scope = Mapping[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]


class SignInThrottle:
    """Failed sign-ins per client: at most `limit` within `window` seconds, then refusals until the oldest ages out."""

    def __init__(
        self,
        limit: int = MAX_FAILED_SIGN_INS,
        window: float = SIGN_IN_WINDOW_SECONDS,
        max_clients: int = MAX_TRACKED_CLIENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.max_clients = max_clients
        self._clock = clock
        self._lock = threading.Lock()
        # client → times of its counted attempts; ordered by last attempt, oldest first
        self._attempts: collections.OrderedDict[str, collections.deque[float]] = collections.OrderedDict()

    def attempt(self, client: str) -> int | None:
        """Count a sign-in attempt (as failed until `succeeded`); None to go ahead, else the seconds to wait."""
        now = self._clock()
        with self._lock:
            self._forget_stale(now)
            times = self._attempts.get(client)
            if times is None:
                times = self._attempts[client] = collections.deque(maxlen=self.limit)
                if len(self._attempts) > self.max_clients:
                    self._attempts.popitem(last=False)
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.limit:
                return max(1, math.ceil(times[0] + self.window - now))
            times.append(now)
            self._attempts.move_to_end(client)
            return None

    def succeeded(self, client: str) -> None:
        """A sign-in succeeded: forget the client's failures."""
        with self._lock:
            self._attempts.pop(client, None)

    def tracked(self) -> int:
        """How many clients are tracked now."""
        with self._lock:
            return len(self._attempts)

    def _forget_stale(self, now: float) -> None:
        """Forget the clients whose last attempt is older than the window (the oldest come first)."""
        while self._attempts:
            client, times = next(iter(self._attempts.items()))
            if times and times[-1] > now - self.window:
                return
            del self._attempts[client]

    def rule(self) -> str:
        """The rule in a sentence for the login form, in French then English."""
        minutes = max(1, round(self.window / 60))
        return (
            f"Après {self.limit} essais manqués, attendez {minutes} min avant de réessayer. "
            f"(After {self.limit} failed attempts, wait {minutes} min before trying again.)"
        )


def client_key(scope: Scope) -> str:
    """The key a client is counted under: its IPv4 address, or its IPv6 /64 (one host usually holds a whole /64)."""
    client = scope.get("client")
    host = client[0] if client else ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host or "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def too_many_sign_ins(route: str, client: str, seconds: int) -> str:
    """The message of a sign-in refused for `seconds`, logged in one line with the route and the client."""
    message = f"too many failed sign-ins from your address: try again in {seconds} s"
    log.warning("%s refused (429) for %s: %s", route, client, message)
    return message


class LoginThrottle:
    """ASGI middleware around Gradio's POST /login: 429 with Retry-After while the client is refused; a 200 resets its count."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], throttle: SignInThrottle) -> None:
        self.app = app
        self.throttle = throttle

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in LOGIN_PATHS:
            await self.app(scope, receive, send)
            return
        client = client_key(scope)
        seconds = self.throttle.attempt(client)
        if seconds is not None:
            await self._refuse(client, seconds, scope, receive, send)
            return

        async def watch(message: dict) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                self.throttle.succeeded(client)
            await send(message)

        await self.app(scope, receive, watch)

    async def _refuse(self, client: str, seconds: int, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 429 {"detail"} (the shape of Gradio's own /login errors) with Retry-After."""
        from starlette.responses import JSONResponse

        message = too_many_sign_ins("/login", client, seconds)
        response = JSONResponse({"detail": message}, status_code=429, headers={"Retry-After": str(seconds)})
        await response(scope, receive, send)
