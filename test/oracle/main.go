// Command k8s-yaml-oracle reads YAML the way kubectl does and prints what kubectl would send, for the differential test.
//
// Input (stdin): a JSON array of file texts. Output (stdout): a JSON array with, per file, the list of its documents,
// each {"json": "<what sigs.k8s.io/yaml.YAMLToJSON returns>"} or {"error": "<its error>"}.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"

	"sigs.k8s.io/yaml"
)

type document struct {
	JSON  *string `json:"json,omitempty"`
	Error *string `json:"error,omitempty"`
}

// splitDocuments splits a stream like k8s.io/apimachinery/pkg/util/yaml's YAMLReader (not packaged in Debian):
// lines are read with bufio.Reader.ReadLine (which drops "\n" and "\r\n") and given back a "\n"; a line that starts
// with "---" followed only by white space or a comment ends the current document when it is not empty (a first
// "---" stays in its document); any other line is content.
func splitDocuments(text string) []string {
	reader := bufio.NewReader(strings.NewReader(text))
	var documents []string
	var buffer bytes.Buffer
	for {
		line, err := readLine(reader)
		if bytes.HasPrefix(line, []byte("---")) {
			rest := strings.TrimSpace(string(line[3:]))
			if rest == "" || strings.HasPrefix(rest, "#") {
				if buffer.Len() != 0 {
					documents = append(documents, buffer.String())
					buffer.Reset()
					if err == io.EOF {
						return documents
					}
					continue
				}
				if err == io.EOF {
					return documents
				}
			}
		}
		if err == io.EOF {
			if buffer.Len() != 0 {
				documents = append(documents, buffer.String())
			}
			return documents
		}
		buffer.Write(line)
	}
}

// readLine is apimachinery's LineReader.Read: a whole line, however long, with "\n" appended.
func readLine(reader *bufio.Reader) ([]byte, error) {
	var buffer bytes.Buffer
	isPrefix := true
	var err error
	for isPrefix && err == nil {
		var line []byte
		line, isPrefix, err = reader.ReadLine()
		buffer.Write(line)
	}
	buffer.WriteByte('\n')
	return buffer.Bytes(), err
}

func main() {
	var texts []string
	if err := json.NewDecoder(os.Stdin).Decode(&texts); err != nil {
		os.Stderr.WriteString("k8s-yaml-oracle: stdin must be a JSON array of strings: " + err.Error() + "\n")
		os.Exit(2)
	}
	out := make([][]document, 0, len(texts))
	for _, text := range texts {
		documents := []document{}
		for _, chunk := range splitDocuments(text) {
			converted, err := yaml.YAMLToJSON([]byte(chunk))
			if err != nil {
				message := err.Error()
				documents = append(documents, document{Error: &message})
			} else {
				value := string(converted)
				documents = append(documents, document{JSON: &value})
			}
		}
		out = append(out, documents)
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(out); err != nil {
		os.Stderr.WriteString("k8s-yaml-oracle: " + err.Error() + "\n")
		os.Exit(2)
	}
}
