package io.croupier.fraud.detect;

/**
 * What a per-player detection rule may look at: the event that triggered the evaluation, the player's activity with
 * that event folded in, the thresholds, and for the anomaly score the model and the player's linked alerts.
 *
 * @param model        the population model, or null when none is trained yet
 * @param linkedAlerts the player's OPEN alerts of the cross-player rules (read only when a model is present)
 */
public record PlayerFacts(ActivityEvent event, PlayerActivity activity, DetectSettings settings, AnomalyModel model,
                          int linkedAlerts) {
    public long playerId() {
        return event.playerId();
    }

    public long atMs() {
        return event.atMs();
    }
}
