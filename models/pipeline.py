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

Relative dates (今年1至9月, 去年同期, 20日) need the reference date: give it per document as
``doc.user_data["zhenggai_published"]`` (a date, a date-time or an ISO string) or for every
document in the component's config (``{"published": "2023-10-12"}``).  Spans are the mentions'
exact characters: a jieba token that a mention starts or ends inside is split (``retokenize``),
so ``12月2日向局`` gives the span ``12月2日``.  Each span carries the mention's values on
``span._.zhenggai`` (``{"value": Decimal('125000'), …}``, dates as ``datetime.date``).
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


USER_DATA_PUBLISHED = "zhenggai_published"  # doc.user_data key of a document's reference date
SPAN_EXTENSION = "zhenggai"  # span._.zhenggai: the mention's values


def _register_extension() -> None:
    from spacy.tokens import Span

    if not Span.has_extension(SPAN_EXTENSION):
        Span.set_extension(SPAN_EXTENSION, default=None)


def _split_at(doc, offsets: set[int]) -> None:
    """Split every token that one of the character ``offsets`` falls inside (offsets stay exact)."""
    plans = []
    for token in doc:
        inside = sorted(o - token.idx for o in offsets if token.idx < o < token.idx + len(token.text))
        if inside:
            cuts = [0, *inside, len(token.text)]
            plans.append((token, [token.text[a:b] for a, b in zip(cuts, cuts[1:])]))
    if not plans:
        return
    with doc.retokenize() as retokenizer:
        for token, orths in plans:
            # No parser in this pipeline: each piece is its own head.
            retokenizer.split(token, orths, heads=[(token, i) for i in range(len(orths))])


class MentionsComponent:
    """Find mentions with zhenggai's extractors and set them as spans (nothing else)."""

    def __init__(self, nlp: Language, name: str, spans_key: str = SPANS_KEY, kinds: list[str] | None = None,
                 published: str | None = None):
        from zhenggai.assemble import as_published

        self.name = name
        self.spans_key = spans_key
        self.kinds = set(kinds) if kinds else None
        self.published = as_published(published)
        _register_extension()

    @property
    def labels(self) -> tuple[str, ...]:
        """The span labels this component can set: the mention kinds (money … points …)."""
        from zhenggai.schemas import MENTION_MODELS

        every = ("document", *MENTION_MODELS)
        return tuple(k for k in dict.fromkeys(every) if self.kinds is None or k in self.kinds)

    def __call__(self, doc):
        from zhenggai.assemble import as_published, reference_date
        from zhenggai.mentions import find_mentions
        from zhenggai.normalize import normalize

        published = as_published(doc.user_data.get(USER_DATA_PUBLISHED)) or self.published
        norm = normalize(doc.text)
        found = []
        for f in find_mentions(norm.text, published=reference_date(published, None, None)):
            if self.kinds is None or f.kind in self.kinds:
                found.append((*norm.span_to_original(f.start, f.end), f))
        _split_at(doc, {o for start, end, _ in found for o in (start, end)})
        spans = []
        for start, end, f in found:
            span = doc.char_span(start, end, label=f.kind, alignment_mode="strict")
            if span is not None:  # every boundary is a token boundary after the split
                span._.set(SPAN_EXTENSION, dict(f.values))
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "zhenggai_mentions",
    default_config={"spans_key": SPANS_KEY, "kinds": None, "published": None},
)
def make_mentions_component(
    nlp: Language, name: str, spans_key: str, kinds: Any, published: str | None
) -> MentionsComponent:
    return MentionsComponent(nlp, name, spans_key=spans_key, kinds=kinds, published=published)


def make_nlp(with_mentions: bool = True) -> Language:
    """A blank Chinese pipeline with jieba segmentation and the mentions component."""
    import spacy

    load_user_dict()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    if with_mentions:
        nlp.add_pipe("zhenggai_mentions")
    return nlp
