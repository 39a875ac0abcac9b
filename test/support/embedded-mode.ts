// setupFiles of the `e2e-embedded` Jest project: every startTestApp() of the file runs on PGlite.
process.env.HOITHI_TEST_DB = 'embedded';
