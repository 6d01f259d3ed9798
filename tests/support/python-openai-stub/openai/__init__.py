"""A stand-in for the `openai` package where it is not installed: the same call surface the
playground's Python snippets use, sending the request the way the real SDK does (keyword
arguments plus `extra_body`, default headers over the bearer key) with the standard library."""

import json
import urllib.request
from types import SimpleNamespace

# Keyword arguments of the real `client.chat.completions.create`; anything else is a TypeError there too.
ALLOWED = {
    "messages", "model", "audio", "frequency_penalty", "function_call", "functions", "logit_bias",
    "logprobs", "max_completion_tokens", "max_tokens", "metadata", "modalities", "n",
    "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key", "reasoning_effort",
    "response_format", "safety_identifier", "seed", "service_tier", "stop", "store", "stream",
    "stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user",
    "verbosity", "web_search_options", "extra_headers", "extra_query", "extra_body", "timeout",
}


def _chunks(response):
    for raw in response:
        line = raw.decode("utf-8").strip()
        if not line.startswith("data: ") or line == "data: [DONE]":
            continue
        chunk = json.loads(line[len("data: "):])
        choices = [SimpleNamespace(delta=SimpleNamespace(**{"content": None, **c.get("delta", {})})) for c in chunk.get("choices", [])]
        yield SimpleNamespace(choices=choices)


class _Completions:
    def __init__(self, client):
        self._client = client

    def create(self, **kwargs):
        unknown = sorted(set(kwargs) - ALLOWED)
        if unknown:
            raise TypeError(f"create() got unexpected keyword arguments {unknown}")
        body = {key: value for key, value in kwargs.items() if not key.startswith("extra_") and key != "timeout"}
        body.update(kwargs.get("extra_body") or {})
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self._client.api_key}"}
        headers.update(self._client.default_headers)
        request = urllib.request.Request(
            self._client.base_url.rstrip("/") + "/chat/completions",
            data=json.dumps(body).encode("utf-8"),
            headers=headers,
            method="POST",
        )
        response = urllib.request.urlopen(request)
        return _chunks(response) if body.get("stream") else json.load(response)


class OpenAI:
    def __init__(self, *, base_url, api_key, default_headers=None):
        self.base_url = base_url
        self.api_key = api_key
        self.default_headers = dict(default_headers or {})
        self.chat = SimpleNamespace(completions=_Completions(self))
