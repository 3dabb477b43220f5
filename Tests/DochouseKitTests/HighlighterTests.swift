import Testing
@testable import DochouseKit

@Suite("Code blocks are highlighted at build time, tolerant of broken samples")
struct HighlighterTests {
    @Test("JSON: keys, strings, numbers, literals and punctuation")
    func json() {
        let html = CodeHighlighter.json(#"{"Effect": "Allow", "n": -1.5e3, "ok": true, "x": null}"#)
        #expect(html == #"<span class="tok-punct">{</span><span class="tok-key">&quot;Effect&quot;</span><span class="tok-punct">:</span> "#
            + #"<span class="tok-string">&quot;Allow&quot;</span><span class="tok-punct">,</span> <span class="tok-key">&quot;n&quot;</span>"#
            + #"<span class="tok-punct">:</span> <span class="tok-number">-1.5e3</span><span class="tok-punct">,</span> "#
            + #"<span class="tok-key">&quot;ok&quot;</span><span class="tok-punct">:</span> <span class="tok-literal">true</span>"#
            + #"<span class="tok-punct">,</span> <span class="tok-key">&quot;x&quot;</span><span class="tok-punct">:</span> "#
            + #"<span class="tok-literal">null</span><span class="tok-punct">}</span>"#)
    }

    @Test("JSON that does not parse is still highlighted to its end, escaped, and an open string stops at the line end")
    func brokenJSON() {
        let html = CodeHighlighter.json("{\"a\": \"<b>,\n // note\n}")
        #expect(html == #"<span class="tok-punct">{</span><span class="tok-key">&quot;a&quot;</span><span class="tok-punct">:</span> "#
            + #"<span class="tok-string">&quot;&lt;b&gt;,</span>"# + "\n "
            + #"<span class="tok-comment">// note</span>"# + "\n" + #"<span class="tok-punct">}</span>"#)
    }

    @Test("YAML: keys, dashes, comments, anchors and merge keys, quoted and typed scalars, block scalars")
    func yaml() {
        let source = """
        base: &b  # shared
          replicas: 3
        node:
          <<: *b
          - "quoted: not a key"
          enabled: NO
          script: |
            echo a: b
        """
        let lines = CodeHighlighter.yaml(source).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            #"<span class="tok-key">base</span><span class="tok-punct">:</span> <span class="tok-anchor">&amp;b</span>  <span class="tok-comment"># shared</span>"#,
            #"  <span class="tok-key">replicas</span><span class="tok-punct">:</span> <span class="tok-number">3</span>"#,
            #"<span class="tok-key">node</span><span class="tok-punct">:</span>"#,
            #"  <span class="tok-anchor">&lt;&lt;</span><span class="tok-punct">:</span> <span class="tok-anchor">*b</span>"#,
            #"  <span class="tok-punct">-</span> <span class="tok-string">&quot;quoted: not a key&quot;</span>"#,
            #"  <span class="tok-key">enabled</span><span class="tok-punct">:</span> <span class="tok-literal">NO</span>"#,
            #"  <span class="tok-key">script</span><span class="tok-punct">:</span> <span class="tok-punct">|</span>"#,
            #"<span class="tok-string">    echo a: b</span>"#,
        ])
    }

    @Test("YAML: lines of service:Action are plain scalars, not keys (there is no space after the colon)")
    func yamlActionLines() {
        #expect(CodeHighlighter.yaml("ec2:DescribeTags\n- ecr:BatchGetImage") ==
                #"<span class="tok-string">ec2:DescribeTags</span>"# + "\n" + #"<span class="tok-punct">-</span> <span class="tok-string">ecr:BatchGetImage</span>"#)
    }

    @Test("Shell: commands, options, variables, strings, operators and comments")
    func shell() {
        let html = CodeHighlighter.shell("# list\nkubectl -n d8 get pods | grep \"$NAME\" && FOO=1 sudo run --all ${X}")
        #expect(html == #"<span class="tok-comment"># list</span>"# + "\n"
            + #"<span class="tok-command">kubectl</span> <span class="tok-option">-n</span> d8 get pods <span class="tok-operator">|</span> "#
            + #"<span class="tok-command">grep</span> <span class="tok-string">&quot;$NAME&quot;</span> <span class="tok-operator">&amp;&amp;</span> "#
            + #"<span class="tok-variable">FOO=1</span> <span class="tok-command">sudo</span> <span class="tok-command">run</span> "#
            + #"<span class="tok-option">--all</span> <span class="tok-variable">${X}</span>"#)
    }

    @Test("Fence names map to highlighters; others stay plain")
    func fences() {
        #expect(CodeHighlighter.language(forFence: "YML") == .yaml)
        #expect(CodeHighlighter.language(forFence: "bash") == .shell)
        #expect(CodeHighlighter.language(forFence: "json") == .json)
        #expect(CodeHighlighter.language(forFence: "python") == nil)
        #expect(CodeBlockRenderer.plain("x < y", fence: "python", language: "ru").contains(#"<pre><code class="language-python">x &lt; y</code></pre>"#))
        #expect(CodeBlockRenderer.plain("x", fence: "", language: "ru").contains(">Копировать</button>"))
    }
}
