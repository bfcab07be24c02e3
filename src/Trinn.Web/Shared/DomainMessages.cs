using Trinn.Core.Common;

namespace Trinn.Web.Shared;

/// <summary>
/// Turns a rule's message key into Norwegian: the feature's own text first, else the shared one, with the field's
/// label as {0} and the field's longest length (<c>maxFor</c>) as {1} (for "{0} kan ha høyst {1} tegn").
/// </summary>
public static class DomainMessages
{
    public static string For(DomainException ex, IStringLocalizer own, IStringLocalizer<SharedResource> shared, Func<string, int>? maxFor = null)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(shared);
        var label = Label(ex.Field, own, shared);
        var max = maxFor?.Invoke(ex.Field) ?? 0;
        var mine = own[ex.MessageKey, label, max];
        return mine.ResourceNotFound ? shared[ex.MessageKey, label, max].Value : mine.Value;
    }

    private static string Label(string field, IStringLocalizer own, IStringLocalizer<SharedResource> shared)
    {
        var mine = own["Field_" + field];
        if (!mine.ResourceNotFound)
        {
            return mine.Value;
        }

        var common = shared["Field_" + field];
        return common.ResourceNotFound ? field : common.Value;
    }
}
