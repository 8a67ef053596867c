/**
 * Latent states and data classes: each latent state is assigned to the class with the highest mean
 * posterior {@code p(α|x)} over that class's data (docs/model.md §7), and the class distribution the model
 * generates is compared with the data's by the KL divergence of Eq. 22.
 */
package org.nelc.analysis.classes;
