namespace Trinn.Web.Features.Fidelity;

/// <summary>Marker for the fidelity pages' texts (Resources/Features/Fidelity/FidelityResource.resx).</summary>
public sealed class FidelityResource;
