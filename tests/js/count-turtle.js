// Parse a Turtle file with N3.js and print the number of triples (exit 1 on a syntax error).
const fs = require("fs");
const N3 = require("n3");

const text = new TextDecoder("utf-8", { fatal: true }).decode(fs.readFileSync(process.argv[2]));
try {
  const quads = new N3.Parser({ format: "text/turtle" }).parse(text);
  console.log(quads.length);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
