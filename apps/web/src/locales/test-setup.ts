// Tests render organizer and judge screens without their routes (which load those strings in the
// app): every area's strings are in before any test runs.
import { loadLocaleParts } from '../lib/i18n';
import { staffParts, type StaffPart } from './parts';

await loadLocaleParts(...(Object.keys(staffParts) as StaffPart[]));
