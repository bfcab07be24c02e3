using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Employers;

namespace Trinn.Web.Features.Employers;

/// <summary>
/// The employer-contact consent on the contact forms: which candidates in the picker have not given it (marked in the
/// list), and the field message naming the ones chosen anyway. The rule itself is <c>EmployerContact.RequireConsentAsync</c>.
/// </summary>
internal static class ContactConsent
{
    public static async Task<HashSet<int>> WithoutConsentAsync(TrinnDbContext db, IEnumerable<SelectListItem> picker) =>
        [.. await ConsentRules.WithoutConsentAsync(db, picker.Select(Id), AgreementConsent.EmployerContact)];

    public static string Message(
        IStringLocalizer<EmployersResource> e, IStringLocalizer<Shared.SharedResource> t, IEnumerable<SelectListItem> picker, IReadOnlySet<int> withoutConsent,
        IEnumerable<int> chosen)
    {
        var names = picker.Where(p => chosen.Contains(Id(p)) && withoutConsent.Contains(Id(p))).Select(p => p.Text).ToList();
        return names.Count == 0
            ? t[ConsentRules.MessageKey(AgreementConsent.EmployerContact)]
            : e["Error_NoEmployerContactConsent", string.Join(", ", names)];
    }

    /// <summary>A refused contact rule in words: the consent rule names the chosen candidates without consent, the rest as <see cref="ContactMessages"/>.</summary>
    public static string Message(
        DomainException ex, IStringLocalizer<EmployersResource> e, IStringLocalizer<Shared.SharedResource> t, IEnumerable<SelectListItem> picker,
        IReadOnlySet<int> withoutConsent, IEnumerable<int> chosen)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Field == EmployerContact.CandidateIdsField ? Message(e, t, picker, withoutConsent, chosen) : ContactMessages.For(ex, t);
    }

    private static int Id(SelectListItem item) => int.Parse(item.Value, CultureInfo.InvariantCulture);
}
