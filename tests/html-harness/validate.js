// Usage: node validate.js <file.html>...
// Prints one JSON line per file: {"file": ..., "valid": bool, "errors": [{"line": ..., "column": ..., "rule": ..., "message": ...}]}
"use strict";
const { HtmlValidate } = require("html-validate");

// The recommended rules, less five. Three mail HTML breaks on purpose: mail clients drop <style> blocks, so styles are
// inline; Outlook lays tables out only from width/cellpadding/cellspacing/align; and <tr> in a bare <table> is what
// every mail client renders. Two judge the alert's own text, not the markup: the <title> is the mail's subject (up to
// 200 characters), and multi-line values keep the spacing they came with.
const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    "no-inline-style": "off",
    "no-deprecated-attr": "off",
    "prefer-tbody": "off",
    "long-title": "off",
    "no-trailing-whitespace": "off",
  },
});

(async () => {
  for (const file of process.argv.slice(2)) {
    const report = await validator.validateFile(file);
    const errors = report.results.flatMap(result => result.messages.map(m => ({ line: m.line, column: m.column, rule: m.ruleId, message: m.message })));
    console.log(JSON.stringify({ file, valid: report.valid, errors }));
  }
})().catch(error => {
  console.error(error);
  process.exit(1);
});
