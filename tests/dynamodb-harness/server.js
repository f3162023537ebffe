// A real DynamoDB API for ServiceNowAlert's tests: dynalite (DynamoDB's API on LevelDB), in memory, started by the
// tests themselves on 127.0.0.1 and a free port. Prints one JSON line first: {"port":..}. Exits when stdin closes.
"use strict";
const dynalite = require("dynalite");
const db = require("dynalite/db");
const putItemValidation = require("dynalite/validations/putItem");

// dynalite 4.0.0 lacks ReturnValuesOnConditionCheckFailure (it drops the parameter, so a failed conditional write
// comes back without the item). The idempotency store decides a lost claim from that item in one call, so this is
// the one thing added here: accept the parameter on PutItem, and on ALL_OLD attach the item the condition was checked
// against, inside dynalite's item lock, as DynamoDB does. Everything else is dynalite's own.
putItemValidation.types.ReturnValuesOnConditionCheckFailure = { type: "String", enum: ["ALL_OLD", "NONE"] };
const checkConditional = db.checkConditional;
db.checkConditional = (data, existingItem) => {
  const failure = checkConditional(data, existingItem);
  if (failure && existingItem && data.ReturnValuesOnConditionCheckFailure === "ALL_OLD") failure.body.Item = existingItem;
  return failure;
};

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));

// Stop with the test process: when stdin closes (the parent died or disposed us), exit.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
