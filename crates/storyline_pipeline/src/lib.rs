//! The pipeline: runs every stage over a stream of articles and writes the output files.
