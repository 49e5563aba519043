/** The learned evaluator: hardware generation and cost estimation networks (DJL MLPs with feature forwarding), and their files. */
package org.coex.evaluator.net;
