using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Trinn.E2E.EveryPage;

/// <summary>One thing on a page that leaves its box.</summary>
public sealed record LayoutFinding(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("where")] string Where,
    [property: JsonPropertyName("px")] double Px,
    [property: JsonPropertyName("text")] string Text);

/// <summary>What the probe measured at one width.</summary>
public sealed record LayoutReport(
    [property: JsonPropertyName("sideways")] double Sideways,
    [property: JsonPropertyName("findings")] IReadOnlyList<LayoutFinding> Findings);

/// <summary>
/// Measures, in the page itself, whether anything leaves its box at the current width:
/// <list type="bullet">
/// <item>the page scrolls sideways (document.scrollingElement.scrollWidth &gt; clientWidth);</item>
/// <item>an element's content is wider than the element (scrollWidth &gt; clientWidth) while the element neither
/// scrolls (overflow auto/scroll: a table region that scrolls on purpose) nor truncates on purpose (ellipsis);
/// only the innermost such element is reported, so one long word does not also flag every card around it;</item>
/// <item>a line of text lies outside the border box of the block that holds it, or is cut off by it.</item>
/// </list>
/// Visually hidden text (the sr-only pattern), closed menus and form controls' own internals are skipped. A pixel
/// of rounding is tolerated, so the result does not depend on subpixel layout.
/// </summary>
public static class LayoutProbe
{
    private const string Script = """
        () => {
          const tolerance = 1;
          const root = document.scrollingElement;
          const styleOf = new Map();
          const cs = el => { let s = styleOf.get(el); if (!s) { s = getComputedStyle(el); styleOf.set(el, s); } return s; };
          const visuallyHidden = el => {
            // Not rendered at all: display none, or the content of a closed <details> (content-visibility).
            if (!el.checkVisibility({ visibilityProperty: true })) return true;
            for (let e = el; e && e !== document.body; e = e.parentElement) {
              const s = cs(e);
              if (s.display === 'none' || s.visibility === 'hidden') return true;
              if (s.position === 'absolute' && e.offsetWidth <= 1 && e.offsetHeight <= 1) return true;
              if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)') return true;
            }
            return false;
          };
          const name = el => {
            const parts = [];
            for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
              let s = e.localName;
              if (e.id) { parts.unshift(s + '#' + e.id); break; }
              const own = [...e.classList].find(c => c.startsWith('trinn-')) ?? e.classList[0];
              if (own) s += '.' + own;
              const same = e.parentElement ? [...e.parentElement.children].filter(c => c.localName === e.localName) : [];
              if (same.length > 1) s += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
              parts.unshift(s);
            }
            return parts.join(' > ');
          };
          const text = el => (el.innerText ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
          const scrolls = s => s.overflowX === 'auto' || s.overflowX === 'scroll';
          // Form controls and drawings have boxes of their own (Aksel's checkboxes, a chart's canvas): not text.
          const skipped = el => el.closest('svg, select, option, textarea, input, canvas, iframe') !== null;

          const findings = [];
          const overflowing = [];
          for (const el of document.body.querySelectorAll('*')) {
            if (skipped(el)) continue;
            const s = cs(el);
            if (s.display === 'inline' || s.display === 'contents' || s.display === 'none' || el.clientWidth === 0) continue;
            const over = el.scrollWidth - el.clientWidth;
            if (over <= tolerance || scrolls(s) || s.textOverflow === 'ellipsis' || visuallyHidden(el)) continue;
            // Aksel widens a checkbox's or radio's click target with an invisible ::before beyond its wrapper.
            if (el.matches('.aksel-checkbox__input-wrapper, .aksel-radio__input-wrapper') && !el.textContent.trim()) continue;
            overflowing.push({ el, over, kind: s.overflowX === 'visible' ? 'content wider than its box' : 'content cut off' });
          }
          for (const o of overflowing) {
            if (overflowing.some(p => p !== o && o.el.contains(p.el))) continue;
            findings.push({ kind: o.kind, where: name(o.el), px: o.over, text: text(o.el) });
          }

          const blockOf = el => { let b = el; while (b && cs(b).display === 'inline') b = b.parentElement; return b; };
          const reported = new Set();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT,
            { acceptNode: n => n.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT });
          const range = document.createRange();
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const parent = n.parentElement;
            if (!parent || parent.closest('script, style, noscript, template, title') || skipped(parent)) continue;
            const block = blockOf(parent);
            if (!block || reported.has(block) || scrolls(cs(block)) || cs(block).textOverflow === 'ellipsis' || visuallyHidden(parent)) continue;
            const box = block.getBoundingClientRect();
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) {
              if (r.width === 0 || r.height === 0) continue;
              const out = Math.max(box.left - r.left, r.right - box.right);
              if (out > tolerance) {
                reported.add(block);
                findings.push({ kind: 'text outside its box', where: name(block), px: out, text: n.data.trim().replace(/\s+/g, ' ').slice(0, 40) });
                break;
              }
            }
          }
          return { sideways: root.scrollWidth - root.clientWidth, findings };
        }
        """;

    public static async Task<LayoutReport> MeasureAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>(Script)).Deserialize<LayoutReport>()
        ?? throw new InvalidOperationException("The layout probe returned nothing.");
}
