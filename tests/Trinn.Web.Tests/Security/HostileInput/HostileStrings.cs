using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Trinn.Web.Tests.Security.HostileInput;

/// <summary>A generated hostile string with a short description for failure messages (the value itself may be 100k chars).</summary>
public sealed record HostileString(string Value)
{
    public override string ToString()
    {
        var head = Value.Length > 60 ? Value[..60] + "…" : Value;
        var escaped = string.Concat(head.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return $"[{Value.Length} chars] \"{escaped}\"";
    }
}

/// <summary>FsCheck generators for strings an attacker, a careless paste or a broken client might send.</summary>
public static class HostileStrings
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImgOnError = "\"><img src=x onerror=alert(1)>";

    /// <summary>Markup that must never appear unencoded in a page Trinn renders.</summary>
    public static readonly string[] RawMarkup = [Script, "<img src=x onerror=alert(1)>"];

    private static readonly string[] Pieces =
    [
        Script, ImgOnError, "'; DROP TABLE x;--", "Robert'); DROP TABLE Candidates;--", "\" OR 1=1 --", "%00", "\\", "${7*7}{{7*7}}",
        "&amp;&lt;&#x27;", "</textarea><b>", "javascript:alert(1)",
        "\0", "\u0001", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u009f", "\t", "\r\n", "\n",
        "\uD800", "\uDFFF", "x\uDBFFy",
        "\u202Egnp.exe", "\u200B\u200D\uFEFF", "Ærlig Øystein Åsmund", "Ŋuolas Sámi", "عربي", "עברית", "中文", "Ελληνικά",
        "😀👩‍👩‍👧🏳️‍🌈", "e\u0301\u0308\u0336", "Z̴̡̢͎a̶l̷g̸o̵", "ｆｕｌｌｗｉｄｔｈ", "null", "undefined", " ",
    ];

    private static readonly string[] Whitespace = [" ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u3000"];

    /// <summary>One to four pieces glued together; whitespace only; or one piece repeated to 10k–100k characters.</summary>
    public static Arbitrary<HostileString> Arbitrary() => Gen.Frequency(
            (6, Gen.Elements(Pieces).ListOf().Where(l => l.Count is > 0 and <= 4).Select(l => string.Concat(l))),
            (1, Gen.Elements(Whitespace).NonEmptyListOf().Select(l => string.Concat(l))),
            (2, Gen.Elements(Pieces).Where(p => p.Trim().Length > 0).SelectMany(p => Gen.Elements(10_000, 30_000, 100_000).Select(n => Repeat(p, n)))))
        .Select(s => new HostileString(s))
        .ToArbitrary();

    /// <summary>What a value becomes on the way in a form post: UTF-8, so an unpaired surrogate arrives as U+FFFD.</summary>
    public static string AfterUtf8(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));

    private static string Repeat(string piece, int length)
    {
        var sb = new StringBuilder(length + piece.Length);
        while (sb.Length < length)
        {
            sb.Append(piece);
        }

        return sb.ToString();
    }
}
