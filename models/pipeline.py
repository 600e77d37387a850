"""The spaCy assembly: ``spacy.blank("zh")`` with jieba and zhenggai's components.

Nothing is downloaded: the pipeline is a blank Chinese language with the jieba
segmenter (plus the genre's user dictionary in this folder) and a rule
component that puts the same mentions the extractors find into
``doc.spans["zhenggai"]``, labelled by kind.

>>> nlp = make_nlp()                                  # doctest: +SKIP
>>> doc = nlp("2023年追回资金12.5万元")                # doctest: +SKIP
>>> [(s.text, s.label_) for s in doc.spans["zhenggai"]]  # doctest: +SKIP
[('2023年', 'date'), ('12.5万元', 'money')]

After ``pip install zhenggai`` the component is also found through the
``spacy_factories`` entry point: ``spacy.blank("zh").add_pipe("zhenggai_mentions")``.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

SPANS_KEY = "zhenggai"

try:  # spaCy is a declared dependency, but say how to fix a broken environment.
    from spacy.language import Language
except ImportError as exc:  # pragma: no cover
    raise ImportError(
        "zhenggai.models.pipeline needs spaCy: pip install 'spacy>=3.7,<4' (or reinstall zhenggai)"
    ) from exc

_USER_DICT_LOADED = False


def load_user_dict() -> None:
    """Add the genre's terms (巡察组, 整改措施, 谈话提醒 …) to jieba, once per process."""
    global _USER_DICT_LOADED
    if _USER_DICT_LOADED:
        return
    try:
        import jieba
    except ImportError as exc:  # pragma: no cover
        raise ImportError("the jieba segmenter is missing: pip install jieba") from exc
    jieba.setLogLevel(60)  # jieba prints its cache banner at WARNING; keep stderr clean
    ref = resources.files("zhenggai.models").joinpath("userdict.txt")
    if ref.is_file():
        with resources.as_file(ref) as path:
            jieba.load_userdict(str(path))
    _USER_DICT_LOADED = True


class MentionsComponent:
    """Find mentions with zhenggai's extractors and set them as spans (nothing else)."""

    def __init__(self, nlp: Language, name: str, spans_key: str = SPANS_KEY, kinds: list[str] | None = None):
        self.name = name
        self.spans_key = spans_key
        self.kinds = set(kinds) if kinds else None

    @property
    def labels(self) -> tuple[str, ...]:
        """The span labels this component can set: the mention kinds (money … points …)."""
        from zhenggai.schemas import MENTION_MODELS

        every = ("document", *MENTION_MODELS)
        return tuple(k for k in dict.fromkeys(every) if self.kinds is None or k in self.kinds)

    def __call__(self, doc):
        from zhenggai.mentions import find_mentions
        from zhenggai.normalize import normalize

        norm = normalize(doc.text)
        spans = []
        for f in find_mentions(norm.text):
            if self.kinds is not None and f.kind not in self.kinds:
                continue
            start, end = norm.span_to_original(f.start, f.end)
            span = doc.char_span(start, end, label=f.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "zhenggai_mentions",
    default_config={"spans_key": SPANS_KEY, "kinds": None},
)
def make_mentions_component(nlp: Language, name: str, spans_key: str, kinds: Any) -> MentionsComponent:
    return MentionsComponent(nlp, name, spans_key=spans_key, kinds=kinds)


def make_nlp(with_mentions: bool = True) -> Language:
    """A blank Chinese pipeline with jieba segmentation and the mentions component."""
    import spacy

    load_user_dict()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    if with_mentions:
        nlp.add_pipe("zhenggai_mentions")
    return nlp
