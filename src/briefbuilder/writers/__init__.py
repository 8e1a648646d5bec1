"""Writers: an Edition and a Theme in, the bytes of one output format out."""
