"""Translation providers behind one small interface.

- DeepL API v2 ``POST /v2/translate`` (https://developers.deepl.com/docs/api-reference/translate):
  header ``Authorization: DeepL-Auth-Key <key>``, JSON body ``{"text": [...],
  "target_lang": "DE", "source_lang": "EN"}``, answer ``{"translations":
  [{"detected_source_language": "EN", "text": "..."}]}``.
- LibreTranslate ``POST /translate`` (https://docs.libretranslate.com/guides/api_usage/):
  JSON body ``{"q": "...", "source": "en" | "auto", "target": "de", "format": "text",
  "api_key": "..."}``, answer ``{"translatedText": "..."}``.
- Argos Translate, in process, when the ``argostranslate`` package and its language
  models are installed (optional; not a dependency of Aftersail).
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol

import httpx

TIMEOUT = httpx.Timeout(15.0, connect=5.0)


class TranslationError(RuntimeError):
    """The provider failed or answered something we cannot use."""


class NotConfigured(TranslationError):
    """No provider is configured for the store (or its local models are missing)."""


class Provider(Protocol):
    name: str

    def translate(self, texts: list[str], source: str, target: str) -> list[str]: ...


def _json(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise TranslationError(f"provider answered HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError as error:
        raise TranslationError("provider answered no JSON") from error


class DeepL:
    name = "deepl"

    def __init__(self, api_url: str, api_key: str, client: httpx.Client | None = None) -> None:
        self.url = api_url.rstrip("/") + "/v2/translate"
        self.api_key = api_key
        self.client = client or httpx.Client(timeout=TIMEOUT)

    @staticmethod
    def _code(language: str, target: bool) -> str:
        code = language.upper()
        if target and code == "EN":
            return "EN-GB"  # DeepL wants a variant for English and Portuguese targets
        if target and code == "PT":
            return "PT-PT"
        return code.split("-")[0] if not target else code

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        body: dict[str, Any] = {"text": texts, "target_lang": self._code(target, True)}
        if source:
            body["source_lang"] = self._code(source, False)
        try:
            response = self.client.post(
                self.url, json=body, headers={"Authorization": f"DeepL-Auth-Key {self.api_key}"}
            )
        except httpx.HTTPError as error:
            raise TranslationError(f"DeepL unreachable: {error.__class__.__name__}") from error
        data = _json(response)
        try:
            results = [str(item["text"]) for item in data["translations"]]
        except (KeyError, TypeError) as error:
            raise TranslationError("DeepL answer without translations") from error
        if len(results) != len(texts):
            raise TranslationError("DeepL answered a different number of texts")
        return results


class LibreTranslate:
    name = "libretranslate"

    def __init__(self, api_url: str, api_key: str, client: httpx.Client | None = None) -> None:
        self.url = api_url.rstrip("/") + "/translate"
        self.api_key = api_key
        self.client = client or httpx.Client(timeout=TIMEOUT)

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        results = []
        for text in texts:
            body = {"q": text, "source": source or "auto", "target": target, "format": "text"}
            if self.api_key:
                body["api_key"] = self.api_key
            try:
                response = self.client.post(self.url, json=body)
            except httpx.HTTPError as error:
                raise TranslationError(
                    f"LibreTranslate unreachable: {error.__class__.__name__}"
                ) from error
            data = _json(response)
            if not isinstance(data, dict) or not isinstance(data.get("translatedText"), str):
                raise TranslationError("LibreTranslate answer without translatedText")
            results.append(data["translatedText"])
        return results


class Argos:
    name = "argos"

    def __init__(self) -> None:
        try:
            self.module = importlib.import_module("argostranslate.translate")
        except ImportError as error:
            raise NotConfigured("argostranslate is not installed") from error

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        try:
            return [str(self.module.translate(text, source or "en", target)) for text in texts]
        except Exception as error:  # its models for this pair may be missing
            raise TranslationError(f"Argos failed: {error}") from error
