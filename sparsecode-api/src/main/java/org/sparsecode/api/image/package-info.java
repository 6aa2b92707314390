/** Images, where they come from ({@link org.sparsecode.api.image.ImageSource}) and how they are prepared. */
package org.sparsecode.api.image;
