namespace Trinn.Web.Shared;

/// <summary>
/// Norwegian number agreement for a text about a whole count: <c>Key</c> holds the singular text, used for exactly
/// one ("1 dag"), and <c>Key_Many</c> the plural, used for every other count ("0 dager", "2 dager"). An amount with
/// decimals ("1,5 timer") is plural unless it is exactly one ("1 time"); a share is always plural and does not go through here.
/// </summary>
public static class CountText
{
    /// <summary>The suffix of the plural twin of a singular key.</summary>
    public const string ManySuffix = "_Many";

    /// <summary>
    /// The text for <paramref name="count"/>: <paramref name="key"/> when it is 1, <paramref name="key"/><c>_Many</c>
    /// otherwise. Throws when either of the pair is missing, so a half-made pair shows in the first test that renders
    /// it rather than as a raw key on a page (Architecture/CountTextTests checks all pairs without rendering).
    /// </summary>
    public static LocalizedString Count(this IStringLocalizer localizer, string key, int count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var one = count == 1;
        var chosen = localizer[one ? key : key + ManySuffix, arguments];
        var twin = localizer[one ? key + ManySuffix : key];
        if (chosen.ResourceNotFound || twin.ResourceNotFound)
        {
            throw new InvalidOperationException(
                $"The text \"{key}\" needs both \"{key}\" (one) and \"{key}{ManySuffix}\" (other counts) in its resource file.");
        }

        return chosen;
    }

    /// <summary>
    /// The text for an amount that may have decimals (hours): <paramref name="key"/> only when it is exactly 1 ("1 time"),
    /// <paramref name="key"/><c>_Many</c> for every other amount ("0,5 timer", "1,5 timer"). Pass the amount rounded as shown.
    /// </summary>
    public static LocalizedString Count(this IStringLocalizer localizer, string key, decimal amount, params object[] arguments) =>
        localizer.Count(key, amount == 1m ? 1 : 0, arguments);
}
