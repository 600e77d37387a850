"""Many notices: batch runs, the dataset, query and comparison; bundled samples."""
