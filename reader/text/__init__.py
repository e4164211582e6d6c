"""From files to structured documents: decoding, loading, cleanup, language split,
structure and sentences. No Qt here."""
