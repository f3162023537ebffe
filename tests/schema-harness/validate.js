// Usage: node validate.js <schema.json> <file.json>...
// Prints one JSON line per file: {"file": ..., "valid": bool, "errors": [{"path": ..., "keyword": ..., "message": ...}]}
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, unicodeRegExp: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));

for (const file of files) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    console.log(JSON.stringify({ file, valid: false, errors: [{ path: "", keyword: "parse", message: String(error.message) }] }));
    continue;
  }
  const valid = validate(data);
  // A missing property is reported at its parent; point at the property itself, as the C# reader does.
  const errors = (validate.errors || []).map(e => ({
    path: e.keyword === "required" ? `${e.instancePath}/${e.params.missingProperty}` : e.instancePath,
    keyword: e.keyword,
    message: e.message,
  }));
  console.log(JSON.stringify({ file, valid, errors }));
}
