using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Common;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Web.Features.Candidates;
using Trinn.Web.Features.Employers;

namespace Trinn.Web.Features.Placements;

/// <summary>Registers a jobbsmak, arbeidstrening or paid job. A paid job moves the candidate to stage 4 in the same save.</summary>
[ReadsCandidateData]
public sealed class NewModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<PlacementsResource> p, TimeProvider time, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public PlacementInput Input { get; set; } = new();

    public int CandidateId { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Employers { get; private set; } = [];

    public List<SelectListItem> Kinds { get; private set; } = [];

    public List<SelectListItem> Markets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int candidateId)
    {
        var candidate = await db.FindForEditAsync(candidateId, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await ShowAsync(candidate.Id, candidate.FullName);
        Input = new PlacementInput { StartDate = NorwegianTime.Today(time), Market = LabourMarket.Regular };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int candidateId)
    {
        var candidate = await db.FindForEditAsync(candidateId, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await ShowAsync(candidate.Id, candidate.FullName);
        if (candidate.DischargedOn is not null)
        {
            ModelState.AddModelError(string.Empty, t["Error_CandidateDischarged"]);
        }

        if (Input.EmployerId is { } employerId && !await db.Set<Employer>().VisibleTo(User).AnyAsync(e => e.Id == employerId))
        {
            ModelState.AddModelError("Input.EmployerId", p["Error_EmployerNotInTeam"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A race on the candidate (whose stage a paid job moves) saves nothing and becomes the conflict message.
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            var today = NorwegianTime.Today(time);
            var now = time.GetUtcNow().UtcDateTime;
            var placement = Placement.Register(
                candidate.Id, Input.EmployerId!.Value, Input.Kind!.Value, Input.Market!.Value, Input.PositionPercent,
                Input.StartDate!.Value, Input.EndDate, User.UserId(), now);
            PlacementStages.OnRegistered(candidate, placement, User.UserId(), today, now);
            db.Add(placement);
            if (placement.IsPaid)
            {
                // Fidelity item 17: the follow-up plan is made with the job, in the same save, each slot with its window.
                db.AddRange(FollowUp.PlanFor(placement));
            }

            return Task.CompletedTask;
        }, ModelState, t, ex => PlacementMessages.For(ex, t, p));
        return outcome == SaveOutcome.Saved ? RedirectToPage("/Placements/Index", new { candidateId }) : Page();
    }

    private async Task ShowAsync(int candidateId, string name)
    {
        await db.AuditReadAsync(AuditEntities.PlacementNewPage, candidateId);
        CandidateId = candidateId;
        Name = name;
        Employers = (await db.Set<Employer>().AsNoTracking().VisibleTo(User).OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync())
            .Select(e => new SelectListItem(e.Name, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem(t["Select_Choose"], ""))
            .ToList();
        Kinds = EnumText.Items<PlacementKind>(p, t["Select_Choose"]);
        Markets = EnumText.Items<LabourMarket>(p);
    }
}

public sealed class PlacementInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Employer")]
    public int? EmployerId { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_PlacementKind")]
    public PlacementKind? Kind { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_LabourMarket")]
    public LabourMarket? Market { get; set; }

    [Display(Name = "Field_PositionPercent")]
    public int? PositionPercent { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_StartDate")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Field_EndDate")]
    public DateOnly? EndDate { get; set; }
}

/// <summary>Turns a placement rule's message key into the Norwegian text, with the field name where the text needs it.</summary>
internal static class PlacementMessages
{
    /// <param name="args">Values the placement's own messages may show, such as the job's start and end dates.</param>
    public static string For(DomainException ex, IStringLocalizer<SharedResource> t, IStringLocalizer<PlacementsResource> p, params object[] args)
    {
        var own = args.Length == 0 ? p[ex.MessageKey] : p[ex.MessageKey, args];
        if (!own.ResourceNotFound)
        {
            return own.Value;
        }

        var label = t["Field_" + ex.Field switch
        {
            "Kind" => "PlacementKind",
            "Market" => "LabourMarket",
            "NextReviewDate" => "NextReviewDate",
            "LastReviewedOn" => "ReviewedOn",
            "FromDate" => "FromDate",
            "MentorName" => "MentorName",
            "Text" => "MeasureText",
            "Ending" => "Ending",
            _ => ex.Field,
        }];
        return t[ex.MessageKey, label, SupportMeasure.TextMaxLength].Value;
    }
}
