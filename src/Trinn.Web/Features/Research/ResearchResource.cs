namespace Trinn.Web.Features.Research;

/// <summary>
/// Marker type for the research pages' texts in <c>Resources/Features/Research/ResearchResource.resx</c>
/// (Norwegian bokmål): statistical terms and sentence templates kept apart from the shared UI texts.
/// </summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class ResearchResource;
#pragma warning restore CA1812
