#!/usr/bin/env node
// Verifies a round's results bundle (GET /api/rounds/:id/results-bundle) with the contest engine
// alone: no database, no server. Usage: npm run verify-results -- <bundle.zip>
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import {
  canonicalPoolText,
  parseResultsCsv,
  parseSha256Sums,
  RESULTS_BUNDLE_FORMAT,
  ResultsBundleFiles,
  ResultsDifference,
  ResultsVerifier,
} from '@hoi-thi/contest-engine';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Each line of a JSON-lines file, parsed, without decoding the whole file into one string. */
function* jsonLines(bytes, name) {
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    line += 1;
    const text = utf8.decode(bytes.subarray(start, end)).trim();
    start = end + 1;
    if (!text) continue;
    try {
      yield JSON.parse(text);
    } catch (error) {
      throw new ResultsDifference(`${name} line ${line} is not JSON: ${error.message}`);
    }
  }
}

export function verifyBundle(zipBytes) {
  let files;
  try {
    files = unzipSync(zipBytes);
  } catch (error) {
    throw new ResultsDifference(`not a zip file: ${error.message}`);
  }
  const file = (name) => {
    const bytes = files[name];
    if (!bytes) throw new ResultsDifference(`${name} is missing from the bundle`);
    return bytes;
  };

  // 1. Every file is the one SHA256SUMS names, and every file named is there.
  const sums = parseSha256Sums(utf8.decode(file(ResultsBundleFiles.sums)));
  for (const name of [ResultsBundleFiles.results, ResultsBundleFiles.attempts, ResultsBundleFiles.questions, ResultsBundleFiles.round]) {
    if (!sums.some((sum) => sum.name === name)) throw new ResultsDifference(`SHA256SUMS does not list ${name}`);
  }
  for (const { name, sha256: stated } of sums) {
    const actual = sha256(file(name));
    if (actual !== stated) throw new ResultsDifference(`${name}: SHA-256 ${actual}, SHA256SUMS says ${stated}`);
  }

  // 2. The round and its pools: a pool's id is the SHA-256 of its canonical text.
  const round = JSON.parse(utf8.decode(file(ResultsBundleFiles.round)));
  if (round.format !== RESULTS_BUNDLE_FORMAT) throw new ResultsDifference(`round.json: format ${round.format}, expected ${RESULTS_BUNDLE_FORMAT}`);
  for (const pool of round.pools) {
    const actual = sha256(canonicalPoolText(pool.candidates));
    if (actual !== pool.id) throw new ResultsDifference(`round.json: pool ${pool.id} hashes to ${actual}`);
  }

  // 3. Papers, grades, durations, counting attempts and ranks, re-derived by the engine.
  const verifier = new ResultsVerifier(round, jsonLines(file(ResultsBundleFiles.questions), ResultsBundleFiles.questions));
  for (const attempt of jsonLines(file(ResultsBundleFiles.attempts), ResultsBundleFiles.attempts)) verifier.addAttempt(attempt);
  let results;
  try {
    results = parseResultsCsv(utf8.decode(file(ResultsBundleFiles.results)));
  } catch (error) {
    throw new ResultsDifference(error.message);
  }
  return { ...verifier.finish(results), resultsSha256: sha256(file(ResultsBundleFiles.results)) };
}

function main() {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: npm run verify-results -- <bundle.zip>');
    process.exit(2);
  }
  try {
    const summary = verifyBundle(readFileSync(path));
    console.log(`verified: ${summary.attempts} attempts, ${summary.ranks} ranks`);
    console.log(`results.csv SHA-256: ${summary.resultsSha256} (compare with "Mã kiểm chứng kết quả" on the final board)`);
    if (summary.papersWithoutPool > 0) {
      console.log(
        `note: ${summary.papersWithoutPool} attempts predate stored candidate pools: their papers were not re-drawn (grading and ranking were checked)`,
      );
    }
  } catch (error) {
    if (!(error instanceof ResultsDifference)) throw error;
    console.error(`difference: ${error.message}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
