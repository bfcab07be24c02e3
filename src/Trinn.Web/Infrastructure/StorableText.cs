using Microsoft.AspNetCore.Mvc.Filters;

namespace Trinn.Web.Infrastructure;

/// <summary>
/// Text Trinn can store and show as typed. Control characters (other than tab and line breaks), unpaired UTF-16
/// surrogates and U+FFFD are refused: PostgreSQL cannot store U+0000 at all; an unpaired surrogate cannot be encoded
/// as UTF-8, and the framework's decoders turn one into U+FFFD, so either way the text would not be stored as sent;
/// the rest are invisible on screen and in exports.
/// </summary>
public static class StorableText
{
    public const string MessageKey = "Error_ControlCharacters";

    public static bool IsStorable(string? value)
    {
        if (value is null)
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Adds a field message for every bound form or query value that is not <see cref="StorableText"/>, on every page.</summary>
internal sealed class StorableTextPageFilter(IStringLocalizer<SharedResource> t) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var (key, entry) in context.ModelState)
        {
            var storable = entry.RawValue switch
            {
                string s => StorableText.IsStorable(s),
                string[] values => values.All(StorableText.IsStorable),
                _ => true,
            };
            if (!storable)
            {
                context.ModelState.AddModelError(key, t[StorableText.MessageKey]);
            }
        }

        return next();
    }
}
