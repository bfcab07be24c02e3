namespace Trinn.Web.Shared;

public static class TextInput
{
    /// <summary>An optional text field as stored: trimmed, and null when only whitespace was typed.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
